package org.carevoice.publication;

import java.util.List;
import java.util.Optional;
import org.carevoice.response.AuthorReply;
import org.carevoice.response.AuthorReplyService;
import org.carevoice.response.Response;
import org.carevoice.response.ResponseService;
import org.carevoice.publication.StoryCards.StoryCard;
import org.carevoice.story.PublishedStorySearch;
import org.carevoice.story.Story;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySearchResult;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public pages and the public API read of the published stories, each in one read-only
 * transaction: a page of stories as cards, and a published story with its services and tags, its
 * published responses (oldest first, each with its service and site) and the author's published
 * replies. One connection and one BEGIN/COMMIT per page instead of one for each part, and each
 * service and site loaded once for the story and its responses (issue 14).
 */
@Service
@Transactional(readOnly = true)
public class PublishedStoryReader {

  private final StoryService stories;
  private final ResponseService responses;
  private final AuthorReplyService replies;
  private final PublishedStorySearch search;
  private final StoryCards cards;

  PublishedStoryReader(StoryService stories, ResponseService responses, AuthorReplyService replies,
      PublishedStorySearch search, StoryCards cards) {
    this.search = search;
    this.cards = cards;
    this.stories = stories;
    this.responses = responses;
    this.replies = replies;
  }

  /** A page of a list or search, and its stories as cards. */
  public record StoryList(StorySearchResult result, List<StoryCard> cards) {}

  /** The matching stories from {@code skip}, at most {@code take}, as cards. */
  public StoryList list(StorySearch criteria, int skip, int take) {
    StorySearchResult result = search.search(criteria, skip, take);
    return new StoryList(result, cards.of(result.stories()));
  }

  /** A published story as the public sees it. */
  public record PublishedStory(Story story, List<Response> responses, List<AuthorReply> replies) {}

  /** The published story with this reference; empty for any other story, so nothing unpublished leaks. */
  public Optional<PublishedStory> read(String reference) {
    return stories.findPublished(reference).map(story -> new PublishedStory(story,
        responses.publishedFor(story.getId()), replies.publishedReplies(story.getId())));
  }
}
