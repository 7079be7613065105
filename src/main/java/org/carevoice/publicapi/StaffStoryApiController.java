package org.carevoice.publicapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carevoice.publicapi.ApiJson.StaffStoryRequest;
import org.carevoice.publicapi.ApiJson.Submitted;
import org.carevoice.identity.StaffCheck;
import org.carevoice.story.NewStory;
import org.carevoice.story.StoryService;
import org.carevoice.story.SubmittedStory;
import org.carevoice.system.PlainText;
import org.carevoice.system.RateLimits;
import org.carevoice.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/stories}: a member of staff enters a story the author gave by phone or on
 * paper. The story goes through the same moderation as one from the web form; its channel says how
 * it came. The body is read here (not bound by Spring) so that every malformed, mistyped or
 * oversized body gets a plain 4xx answer. Neither the story nor the private link is logged.
 */
@RestController
@Tag(name = "Staff", description = "Stories entered by staff (HTTP Basic with a Carevoice staff user)")
class StaffStoryApiController {

  private static final Logger LOG = LoggerFactory.getLogger(StaffStoryApiController.class);

  /** Enough for the longest story (20,000 characters, escaped) and everything else. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  /** The JSON type of each field, for "wrong type" answers. */
  private static final Map<String, String> FIELD_TYPES = Map.of("title", "string", "text", "string",
      "pseudonym", "string", "email", "string", "relationship", "string", "happenedIn", "string",
      "services", "list", "tags", "list", "channel", "string", "consent", "boolean");

  private final StaffStoryValidator validator;
  private final StaffCheck staffCheck;
  private final StoryService stories;
  private final RateLimits rateLimits;
  private final SiteProperties site;
  private final ApiMessages messages;
  private final ObjectReader json;

  StaffStoryApiController(StaffStoryValidator validator, StaffCheck staffCheck, StoryService stories,
      RateLimits rateLimits, SiteProperties site, ApiMessages messages, ObjectMapper objectMapper) {
    this.validator = validator;
    this.staffCheck = staffCheck;
    this.stories = stories;
    this.rateLimits = rateLimits;
    this.site = site;
    this.messages = messages;
    this.json = objectMapper.readerFor(StaffStoryRequest.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  @PostMapping("/api/v1/stories")
  @Operation(summary = "Enter a story taken by phone or on paper (staff only)",
      description = "HTTP Basic with a Carevoice staff user (the Tasklist sign-in); the user must be in a staff group"
          + " (moderators, moderation leads, safeguarding, administrators, or a service's responders or managers)."
          + " The story is moderated like any other; it is not public until published. The answer carries the"
          + " author's private link: pass it on to the author, it is shown only once.",
      security = @SecurityRequirement(name = PublicApiConfiguration.STAFF_SECURITY),
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = StaffStoryRequest.class))))
  @ApiResponse(responseCode = "201", description = "Accepted for moderation")
  @ApiResponse(responseCode = "400", description = "The body is not valid JSON, or a field is missing or invalid:"
      + " detail explains, errors lists each field",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "No or wrong user name and password", content = @Content)
  @ApiResponse(responseCode = "403", description = "The user is in no staff group",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "The body is larger than 256 KiB",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "415", description = "The body is not JSON",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "Too many stories from this client address or for this email"
      + " address; see Retry-After",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<Submitted> submit(HttpServletRequest request, Authentication user) throws IOException {
    if (!staffCheck.isStaff(user)) {
      throw new ApiException(HttpStatus.FORBIDDEN, messages.get("api.staff.only"));
    }
    StaffStoryRequest story = read(request);
    NewStory valid = validator.validate(story);
    // The web form's limits: per client address (docs/operations.md) and per author's email address.
    rateLimits.storySubmission(request.getRemoteAddr(), valid.authorEmail());
    SubmittedStory submitted = stories.submit(valid, user.getName());
    LOG.info("Story {} entered by staff (channel {})", submitted.reference(), valid.channel());
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(new Submitted(submitted.reference(), valid.channel().name(),
            site.link("/my-story/" + submitted.trackingToken())));
  }

  private StaffStoryRequest read(HttpServletRequest request) throws IOException {
    if (!isJson(request.getContentType())) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.get("api.json.contentType"));
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (body.length == 0) {
      throw ApiException.badRequest(messages.get("api.json.empty"));
    }
    try {
      StaffStoryRequest story = json.readValue(body);
      if (story == null) {
        throw ApiException.badRequest(messages.get("api.json.notObject"));
      }
      return story;
    } catch (PlainText.RefusedInJson e) {
      String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
      if (field == null || !FIELD_TYPES.containsKey(field)) {
        throw ApiException.badRequest(messages.get("api.json.notObject"));
      }
      String problem = messages.get("api.controlCharacter", field);
      throw new ApiException(HttpStatus.BAD_REQUEST, messages.get("api.story.invalid", problem),
          List.of(new ApiJson.FieldProblem(field, problem)));
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(messages.get("api.json.unknownField", e.getPropertyName(),
          FIELD_TYPES.keySet().stream().sorted().collect(Collectors.joining(", "))));
    } catch (JsonMappingException e) {
      String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
      if (field == null || !FIELD_TYPES.containsKey(field)) {
        throw ApiException.badRequest(messages.get("api.json.notObject"));
      }
      throw ApiException.badRequest(messages.get("api.json.wrongType." + FIELD_TYPES.get(field), field));
    } catch (StreamReadException e) {
      JsonLocation where = e.getLocation();
      throw ApiException.badRequest(messages.get("api.json.invalid", where == null ? 0 : where.getLineNr(),
          where == null ? 0 : where.getColumnNr()));
    } catch (JacksonException e) {
      throw ApiException.badRequest(messages.get("api.json.notObject"));
    }
  }

  private ApiException tooLarge() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, messages.get("api.json.tooLarge", MAX_BODY_BYTES / 1024));
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
    } catch (org.springframework.util.InvalidMimeTypeException e) {
      return false;
    }
  }
}
