package org.carevoice.publication;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.publication.PublishedStoryReader.PublishedStory;
import org.carevoice.publication.PublishedStoryReader.StoryList;
import org.carevoice.response.Response;
import org.carevoice.story.Story;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySearchResult;
import org.carevoice.story.StorySort;
import org.carevoice.story.StoryService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the public reads: the published stories, browsed and searched, and each story with its
 * responses. Criticality, flags and everything unpublished stay out.
 */
@Controller
class PublicStoriesController {

  static final int PAGE_SIZE = 10;

  private final PublishedStoryReader reader;
  private final OrganisationService organisation;
  private final MessageSource messages;
  private final CelebrationService celebrations;
  private final FilterOptions options;

  PublicStoriesController(PublishedStoryReader reader, OrganisationService organisation, MessageSource messages,
      CelebrationService celebrations, FilterOptions options) {
    this.celebrations = celebrations;
    this.options = options;
    this.messages = messages;
    this.reader = reader;
    this.organisation = organisation;
  }

  @GetMapping("/stories")
  String list(@ModelAttribute("browse") BrowseRequest browse, Model model, HttpServletResponse response) {
    StorySearch criteria = browse.toSearch(organisation);
    int page = browse.pageNumber();
    model.addAttribute("options", options.chosen(browse));
    model.addAttribute("sorts", StorySort.values());
    model.addAttribute("filtered", browse.isFiltered());
    if (criteria == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> errors = new LinkedHashMap<>();
      browse.problems().forEach((field, problem) -> errors.put(field, "browse.error." + problem));
      model.addAttribute("errors", errors);
      model.addAttribute("problems", errors.entrySet().stream()
          .map(error -> new FieldProblem(anchor(error.getKey()), messages.getMessage(error.getValue(), null, Locale.UK)))
          .toList());
      model.addAttribute("result", new StorySearchResult(List.of(), 0, 0, PAGE_SIZE));
      model.addAttribute("cards", List.of());
      model.addAttribute("pages", Pages.none());
      return "stories/list";
    }
    StoryList list = reader.list(criteria, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    StorySearchResult result = list.result();
    if (page > 1 && (result.stories().isEmpty() || page > Pages.count(result.total(), PublicStoriesController.PAGE_SIZE))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("errors", Map.of());
    model.addAttribute("problems", List.of());
    model.addAttribute("result", result);
    model.addAttribute("cards", list.cards());
    model.addAttribute("pages", Pages.of(page, result.total(), PAGE_SIZE, browse::link));
    model.addAttribute("page", page);
    return "stories/list";
  }

  @GetMapping("/stories/{reference}")
  String show(@PathVariable String reference, Principal user, Model model) {
    PublishedStory page = reader.read(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Story story = page.story();
    model.addAttribute("story", story);
    model.addAttribute("happened", StoryService.monthOf(story));
    model.addAttribute("responses", page.responses().stream()
        .map(response -> new PublicResponse(response, response.daysAfter(story.getPublishedAt()))).toList());
    model.addAttribute("replies", page.replies());
    // Signed-in staff of the story's services see the way to share and recognise it.
    model.addAttribute("mayCelebrate", user != null && celebrations.mayCelebrate(story, user.getName()));
    return "stories/show";
  }

  /** A wrong filter and what to do about it, for the error summary (fieldName: the id after "filter-"). */
  record FieldProblem(String fieldName, String message) {}

  /** Where the error summary links for a wrong field: the first radio of a group; nowhere for the page. */
  private static String anchor(String field) {
    return switch (field) {
      case "responded" -> "responded-any";
      case "page" -> null;
      default -> field;
    };
  }

  /** A response as the public sees it, with how long the service took to answer. */
  record PublicResponse(Response response, long daysToRespond) {}

}
