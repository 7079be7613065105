package org.carevoice.publication;

import org.carevoice.response.AuthorReplyService;
import org.carevoice.response.Response;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** What the public reads: published stories, newest first, and each story with its responses. */
@Controller
class PublicStoriesController {

  static final int PAGE_SIZE = 10;
  private static final int MAX_PAGE = 10_000;

  private final StoryService stories;
  private final ResponseService responses;
  private final AuthorReplyService replies;

  PublicStoriesController(StoryService stories, ResponseService responses, AuthorReplyService replies) {
    this.stories = stories;
    this.responses = responses;
    this.replies = replies;
  }

  @GetMapping("/stories")
  String list(@RequestParam(name = "page", defaultValue = "1") String pageParam, Model model) {
    int page = parsePage(pageParam);
    Page<Story> result = stories.publishedStories(PageRequest.of(page - 1, PAGE_SIZE));
    if (page > 1 && page > result.getTotalPages()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("stories", result);
    model.addAttribute("page", page);
    return "stories/list";
  }

  @GetMapping("/stories/{reference}")
  String show(@PathVariable String reference, Model model) {
    Story story = stories.findPublished(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("story", story);
    model.addAttribute("happened", StoryService.monthOf(story));
    model.addAttribute("responses", responses.publishedFor(story.getId()).stream()
        .map(response -> new PublicResponse(response, daysBetween(story, response))).toList());
    model.addAttribute("replies", replies.publishedReplies(story.getId()));
    return "stories/show";
  }

  /** A response as the public sees it, with how long the service took to answer. */
  record PublicResponse(Response response, long daysToRespond) {}

  private static long daysBetween(Story story, Response response) {
    return Math.max(0, java.time.Duration.between(story.getPublishedAt(), response.getPublishedAt()).toDays());
  }

  private static int parsePage(String value) {
    try {
      int page = Integer.parseInt(value);
      if (page < 1 || page > MAX_PAGE) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be between 1 and " + MAX_PAGE);
      }
      return page;
    } catch (NumberFormatException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be a number");
    }
  }
}
