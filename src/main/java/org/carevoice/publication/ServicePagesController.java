package org.carevoice.publication;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.Response;
import org.carevoice.response.ResponseService;
import org.carevoice.story.PublishedStorySearch;
import org.carevoice.story.Story;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySearchResult;
import org.carevoice.story.StoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The services readers can look up: the whole tree, and each service's page with its stories,
 * how it answers them, the changes it has made and the staff its authors have recognised.
 */
@Controller
class ServicePagesController {

  static final int CHANGES_SHOWN = 10;

  private final OrganisationService organisation;
  private final PublishedStorySearch search;
  private final StoryService stories;
  private final ResponseService responses;
  private final ServiceFigures figures;
  private final CelebrationService celebrations;
  private final StoryCards cards;

  ServicePagesController(OrganisationService organisation, PublishedStorySearch search, StoryService stories,
      ResponseService responses, ServiceFigures figures, CelebrationService celebrations,
      StoryCards cards) {
    this.organisation = organisation;
    this.search = search;
    this.stories = stories;
    this.responses = responses;
    this.figures = figures;
    this.celebrations = celebrations;
    this.cards = cards;
  }

  @GetMapping("/services")
  String index(Model model) {
    model.addAttribute("tree", organisation.tree());
    return "services/index";
  }

  @GetMapping("/services/{slug}")
  String service(@PathVariable String slug, @RequestParam(name = "page", required = false) String pageParam,
      Model model) {
    CareService service = organisation.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    int page = page(pageParam);
    StorySearchResult result = search.search(StorySearch.ofService(slug), (page - 1) * PublicStoriesController.PAGE_SIZE,
        PublicStoriesController.PAGE_SIZE);
    if (page > 1 && (result.stories().isEmpty() || page > Pages.count(result.total(), PublicStoriesController.PAGE_SIZE))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("service", service);
    model.addAttribute("figures", figures.of(service.getId()));
    model.addAttribute("result", result);
    model.addAttribute("cards", cards.of(result.stories()));
    model.addAttribute("pages", Pages.of(page, result.total(), PublicStoriesController.PAGE_SIZE,
        number -> "/services/" + service.getSlug() + "?page=" + number));
    model.addAttribute("changes", changes(service));
    model.addAttribute("recognised", celebrations.recognised(service).stream().limit(5).toList());
    return "services/show";
  }

  /** A change a service planned or made, with the story it answered. */
  record Change(Response response, Story story) {}

  private List<Change> changes(CareService service) {
    List<Response> latest = responses.publishedChanges(service.getId(), CHANGES_SHOWN);
    Map<Long, Story> byId = stories.findPublishedByIds(latest.stream().map(Response::getStoryId).distinct().toList())
        .stream().collect(Collectors.toMap(Story::getId, Function.identity()));
    return latest.stream().filter(response -> byId.containsKey(response.getStoryId()))
        .map(response -> new Change(response, byId.get(response.getStoryId()))).toList();
  }

  private static int page(String value) {
    if (value == null || value.isBlank()) {
      return 1;
    }
    try {
      int page = Integer.parseInt(value.strip());
      if (page >= 1 && page <= BrowseRequest.MAX_PAGE) {
        return page;
      }
    } catch (NumberFormatException e) {
      // falls through to the 400 below
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be a whole number from 1");
  }
}
