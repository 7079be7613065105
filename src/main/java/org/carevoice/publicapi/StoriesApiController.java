package org.carevoice.publicapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.publication.BrowseRequest;
import org.carevoice.publicapi.ApiJson.StoryDetail;
import org.carevoice.publicapi.ApiJson.StoryPage;
import org.carevoice.story.StorySearch;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stories} and {@code GET /api/v1/stories/{reference}}: published stories only. */
@RestController
@RequestMapping("/api/v1/stories")
@Tag(name = "Stories", description = "Published stories, their responses and the author's replies")
class StoriesApiController {

  static final int DEFAULT_TAKE = 20;
  static final int MAX_TAKE = 100;
  static final int MAX_SKIP = 10_000;

  private final PublicApiReader reader;
  private final ApiMessages messages;
  private final OrganisationService organisations;

  StoriesApiController(PublicApiReader reader, ApiMessages messages, OrganisationService organisations) {
    this.reader = reader;
    this.messages = messages;
    this.organisations = organisations;
  }

  @GetMapping
  @Operation(summary = "Published stories, filtered, sorted and paged",
      description = "Only published stories. Every order ends with a stable tie-break, so paging with skip and take"
          + " neither repeats nor misses a story while nothing new is published.")
  @ApiResponse(responseCode = "200", description = "One page of stories")
  @ApiResponse(responseCode = "400", description = "A parameter is invalid; detail says which",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  StoryPage list(
      @Parameter(description = "Words to find in the title or the text (all of them), at most 200 characters")
      @RequestParam(required = false) String q,
      @Parameter(description = "Organisation slug, see GET /api/v1/services")
      @RequestParam(required = false) String organisation,
      @Parameter(description = "Site slug, see GET /api/v1/services") @RequestParam(required = false) String site,
      @Parameter(description = "Service slug, see GET /api/v1/services") @RequestParam(required = false) String service,
      @Parameter(description = "Tag code, see GET /api/v1/tags", example = "good:kind-staff")
      @RequestParam(required = false) String tag,
      @Parameter(description = "Published on or after this day (UK time)", schema = @Schema(type = "string",
          format = "date", example = "2026-01-01")) @RequestParam(required = false) String from,
      @Parameter(description = "Published on or before this day (UK time)", schema = @Schema(type = "string",
          format = "date", example = "2026-03-31")) @RequestParam(required = false) String to,
      @Parameter(description = "true: only stories a service has responded to; false: only those without",
          schema = @Schema(type = "boolean")) @RequestParam(required = false) String responded,
      @Parameter(description = "newest (default without q), oldest, or relevance (default with q)",
          schema = @Schema(type = "string", allowableValues = {"newest", "oldest", "relevance"}))
      @RequestParam(required = false) String sort,
      @Parameter(description = "How many stories to return, 1 to 100", schema = @Schema(type = "integer",
          minimum = "1", maximum = "100", defaultValue = "20")) @RequestParam(required = false) String take,
      @Parameter(description = "How many matching stories to skip, 0 to 10000", schema = @Schema(type = "integer",
          minimum = "0", maximum = "10000", defaultValue = "0")) @RequestParam(required = false) String skip) {
    int takeValue = number("take", take, DEFAULT_TAKE, 1, MAX_TAKE);
    int skipValue = number("skip", skip, 0, 0, MAX_SKIP);
    BrowseRequest request = new BrowseRequest();
    request.setQ(q);
    request.setOrganisation(organisation);
    request.setSite(site);
    request.setService(service);
    request.setTag(tag);
    request.setFrom(from);
    request.setTo(to);
    request.setResponded(responded);
    request.setSort(sort);
    StorySearch search = request.toSearch(organisations);
    if (search == null) {
      Map.Entry<String, String> problem = request.problems().entrySet().iterator().next();
      throw ApiException.badRequest(detail(problem.getKey(), problem.getValue(), request));
    }
    return reader.stories(search, skipValue, takeValue);
  }

  @GetMapping("/{reference}")
  @Operation(summary = "One published story with its responses and the author's replies")
  @ApiResponse(responseCode = "200", description = "The story")
  @ApiResponse(responseCode = "404", description = "No published story has this reference",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  StoryDetail one(@Parameter(description = "The story's reference", example = "CV-2026-000123")
      @PathVariable String reference) {
    return reader.story(reference)
        .orElseThrow(() -> ApiException.notFound(messages.get("api.story.notFound", reference)));
  }

  private int number(String name, String value, int fallback, int min, int max) {
    if (!isGiven(value)) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // the same answer as out of range
    }
    throw ApiException.badRequest(messages.get("api.number.invalid", name, String.valueOf(min), String.valueOf(max)));
  }

  /** The API's wording of a wrong filter: the parameter, its value and where the valid values are listed. */
  private String detail(String field, String problem, BrowseRequest request) {
    return switch (problem) {
      case BrowseRequest.TEXT_TOO_LONG -> messages.get("api.q.tooLong", StorySearch.MAX_TEXT_LENGTH);
      case BrowseRequest.UNKNOWN_ORGANISATION -> messages.get("api.organisation.unknown", request.getOrganisation().strip());
      case BrowseRequest.UNKNOWN_SITE -> messages.get("api.site.unknown", request.getSite().strip());
      case BrowseRequest.UNKNOWN_SERVICE -> messages.get("api.service.unknown", request.getService().strip());
      case BrowseRequest.UNKNOWN_TAG -> messages.get("api.tag.unknown", request.getTag().strip());
      case BrowseRequest.NOT_A_DATE -> messages.get("api.date.invalid", field);
      case BrowseRequest.DATES_REVERSED -> messages.get("api.dates.order");
      case BrowseRequest.NOT_A_RESPONDED_CHOICE -> messages.get("api.responded.invalid");
      default -> messages.get("api.sort.invalid");
    };
  }

  private static boolean isGiven(String value) {
    return value != null && !value.isBlank();
  }
}
