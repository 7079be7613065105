package org.carevoice.publication;

import java.util.List;
import java.util.Optional;
import org.carevoice.response.AuthorReply;
import org.carevoice.response.AuthorReplyService;
import org.carevoice.response.Response;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published story with everything its public page and the API's story show: the story with its
 * services and tags, its published responses (oldest first, each with its service and site) and
 * the author's published replies. Read in one read-only transaction: one connection and one
 * BEGIN/COMMIT per page instead of three, and each service and site loaded once for the story and
 * its responses (issue 14).
 */
@Service
@Transactional(readOnly = true)
public class PublishedStoryReader {

  private final StoryService stories;
  private final ResponseService responses;
  private final AuthorReplyService replies;

  PublishedStoryReader(StoryService stories, ResponseService responses, AuthorReplyService replies) {
    this.stories = stories;
    this.responses = responses;
    this.replies = replies;
  }

  /** A published story as the public sees it. */
  public record PublishedStory(Story story, List<Response> responses, List<AuthorReply> replies) {}

  /** The published story with this reference; empty for any other story, so nothing unpublished leaks. */
  public Optional<PublishedStory> read(String reference) {
    return stories.findPublished(reference).map(story -> new PublishedStory(story,
        responses.publishedFor(story.getId()), replies.publishedReplies(story.getId())));
  }
}
