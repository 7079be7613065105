package org.carevoice.publicapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What the API sends and receives. Published data only: never criticality, email or flags. */
final class ApiJson {

  private ApiJson() {}

  @Schema(description = "One page of published stories")
  record StoryPage(List<StorySummary> items,
      @Schema(description = "How many published stories match in all; when totalIsExact is false, at least this"
          + " many (a search or filter stops counting at 1,000)") long total,
      @Schema(description = "Whether total is the exact number of matches") boolean totalIsExact,
      @Schema(description = "How many matching stories were skipped before the first item") int skip,
      @Schema(description = "The most items this page could hold") int take) {}

  @Schema(description = "A published story in a list")
  record StorySummary(
      @Schema(example = "CV-2026-000123") String reference,
      String title,
      @Schema(description = "The start of the story, up to about 200 characters") String excerpt,
      @Schema(description = "The name the author chose to show") String pseudonym,
      @Schema(description = "Who the author is in the story", example = "PATIENT") String relationship,
      @Schema(description = "The month the care happened in", example = "2026-03") String happenedIn,
      Instant publishedAt,
      List<ServiceRef> services,
      @Schema(description = "Tag codes, see GET /api/v1/tags") List<String> tags,
      @Schema(description = "Whether a service has published a response") boolean responded,
      @Schema(description = "The story's public page") String url) {}

  @Schema(description = "A published story with its published responses and the author's published replies")
  record StoryDetail(
      @Schema(example = "CV-2026-000123") String reference,
      String title,
      @Schema(description = "The whole story as published") String text,
      String pseudonym,
      @Schema(example = "PATIENT") String relationship,
      @Schema(example = "2026-03") String happenedIn,
      Instant publishedAt,
      List<ServiceRef> services,
      List<String> tags,
      boolean responded,
      String url,
      @Schema(description = "Oldest first") List<ResponseJson> responses) {}

  @Schema(description = "A service's published response")
  record ResponseJson(
      Named service,
      @Schema(example = "Craig Wilson") String responderName,
      @Schema(example = "Charge Nurse, Emergency Department") String responderRole,
      String text,
      Instant publishedAt,
      @Schema(description = "Whole days between the story's and the response's publication") long daysToRespond,
      @Schema(description = "A change the service planned or made because of the story; null if none")
      Change change,
      @Schema(description = "The author's published replies to this response, oldest first")
      List<Reply> authorReplies) {}

  record Change(@Schema(allowableValues = {"planned", "made"}) String status, String description) {}

  record Reply(String text, Instant publishedAt) {}

  @Schema(description = "A service a story is about, with its site and organisation")
  record ServiceRef(@Schema(example = "hairmyres-emergency-department") String slug, String name, Named site,
      Named organisation) {}

  record Named(String slug, String name) {}

  @Schema(description = "An organisation (health board, partnership) with its sites and their services")
  record OrganisationNode(String slug, String name, List<SiteNode> sites) {}

  record SiteNode(String slug, String name, List<ServiceNode> services) {}

  record ServiceNode(String slug, String name,
      @Schema(example = "EMERGENCY_DEPARTMENT") String type,
      @Schema(description = "The service's public page") String url) {}

  @Schema(description = "One service with its site and organisation")
  record ServiceDetail(String slug, String name, @Schema(example = "EMERGENCY_DEPARTMENT") String type, String url,
      Named site, Named organisation,
      @Schema(description = "This service's published stories in the API") String stories) {}

  @Schema(description = "A group of tags: what was good, what could be improved, how the author felt")
  record TagGroup(@Schema(example = "good") String code, @Schema(example = "What was good") String label,
      List<Tag> tags) {}

  record Tag(@Schema(example = "good:kind-staff") String code, @Schema(example = "Kind staff") String label) {}

  @Schema(description = "A story taken by phone or on paper, entered by a member of staff")
  record StaffStoryRequest(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 150) String title,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 50, maxLength = 20_000,
          description = "The story in the author's words, at most 1,000 words") String text,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 80,
          description = "The name to show with the story; a made-up name is fine") String pseudonym,
      @Schema(description = "The author's email address, if they want emails about their story. Without it the"
          + " author is told nothing by email: give them the private link from the answer.") String email,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PATIENT",
          allowableValues = {"PATIENT", "SERVICE_USER", "CARER", "PARENT_OR_GUARDIAN", "RELATIVE", "FRIEND",
              "STAFF_MEMBER"}) String relationship,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-03",
          description = "The month the care happened in (yyyy-MM), not in the future") String happenedIn,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
          description = "Slugs of the services the story is about (at least one)") List<String> services,
      @Schema(description = "Tag codes the author chose, see GET /api/v1/tags") List<String> tags,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PHONE", "PAPER"}) String channel,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Must be true: the author agreed that"
          + " Carevoice may publish the story after removing anything that could identify someone") Boolean consent) {}

  @Schema(description = "The story was accepted and waits for moderation")
  record Submitted(@Schema(example = "CV-2026-000124") String reference, @Schema(example = "PHONE") String channel,
      @Schema(description = "The author's private page (track, edit when asked, withdraw). Shown only here:"
          + " pass it on to the author.") String privateUrl) {}

  /** One problem with one field of a submitted story. */
  record FieldProblem(String field, String message) {}
}
