package org.carevoice.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carevoice.notification.Notifications;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.SiteProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories: submission, what the public and the author may see, and every outcome of the
 * lifecycle. The only place that changes a story.
 */
@Service
@Transactional(readOnly = true)
public class StoryService {

  static final ZoneId SCOTLAND = ZoneId.of("Europe/London");
  /** How far back screening looks for the same author's near-identical story. */
  public static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

  private final StoryRepository stories;
  private final StoryReferences references;
  private final OrganisationService organisation;
  private final StoryLifecycle lifecycle;
  private final Notifications notifications;
  private final SiteProperties site;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Clock clock;
  private final ServiceCases cases;

  StoryService(StoryRepository stories, StoryReferences references, OrganisationService organisation,
      StoryLifecycle lifecycle, Notifications notifications, SiteProperties site,
      org.springframework.context.ApplicationEventPublisher events, Clock clock, ServiceCases cases) {
    this.stories = stories;
    this.references = references;
    this.organisation = organisation;
    this.lifecycle = lifecycle;
    this.notifications = notifications;
    this.site = site;
    this.events = events;
    this.clock = clock;
    this.cases = cases;
  }

  /**
   * Accepts a story: the row, its case in the engine (up to the first save point) and the
   * author's acknowledgement email are written in one transaction, so a story that was
   * accepted always has its case, and a failure leaves nothing behind.
   */
  @Transactional
  public SubmittedStory submit(NewStory submission) {
    return submit(submission, null);
  }

  /**
   * Accepts a story that a member of staff entered on its author's behalf (taken by phone or on
   * paper), recording who entered it; as {@link #submit(NewStory)} in every other way.
   */
  @Transactional
  public SubmittedStory submit(NewStory submission, String enteredBy) {
    List<CareService> services = organisation.findServices(submission.serviceIds());
    if (services.isEmpty() || services.size() != submission.serviceIds().stream().distinct().count()) {
      throw new UnknownServiceException();
    }
    String token = TrackingToken.generate();
    Instant now = now();
    // Whole before it is saved: one INSERT, no UPDATE of the row (and of its search text) after it.
    Story story = new Story(references.next(Year.from(now.atZone(SCOTLAND))), submission.title().strip(),
        submission.body().strip(), submission.authorPseudonym().strip(), stripToNull(submission.authorEmail()),
        submission.relationship(), submission.happenedIn(), services, submission.channel(), TrackingToken.hash(token),
        now);
    story.tagOnSubmission(submission.tags());
    if (enteredBy != null) {
      story.enteredBy(enteredBy);
    }
    if (submission.honeypotTripped()) {
      story.tripHoneypot();
    }
    story = stories.save(story);
    stories.flush();
    lifecycle.start(story);
    tellAuthor(story, "story-received", Map.of("reference", story.getReference(), "trackingUrl", trackingUrl(token)));
    return new SubmittedStory(story.getReference(), token);
  }

  /**
   * Records a story that was moderated and published elsewhere (an import from an earlier system,
   * or the demo data) with its original publication time. It has no case in the engine; each of its
   * services has its case for the reports, opened at the publication.
   */
  @Transactional
  public Story importPublished(NewStory submission, Integer criticality, Instant publishedAt) {
    List<CareService> services = organisation.findServices(submission.serviceIds());
    Story story = stories.save(new Story(references.next(Year.from(publishedAt.atZone(SCOTLAND))), submission.title(),
        submission.body(), submission.authorPseudonym(), submission.authorEmail(), submission.relationship(),
        submission.happenedIn(), services, submission.channel(), TrackingToken.hash(TrackingToken.generate()),
        publishedAt));
    story.tagOnSubmission(submission.tags());
    story.publishedAt(criticality, publishedAt);
    stories.flush();
    cases.openImported(story.getId(), services.stream().map(CareService::getId).toList(), publishedAt);
    return story;
  }

  /**
   * How an imported story was decided, and when. {@code publishedAt} is set for a published story
   * and for a withdrawn one that had been published; {@code endedAt} for every end.
   */
  public record ImportedDecision(StoryStatus status, Integer criticality, Instant submittedAt, Instant decidedAt,
      Instant publishedAt, Instant endedAt) {}

  /** A story to import, with how it was decided. */
  public record ImportedStory(NewStory story, ImportedDecision decision) {}

  /**
   * Records stories told and decided elsewhere (the demo's year of history, an import) with the
   * dates of each step, in one flush. They have no case in the engine; a published story has a case
   * per service for the reports, opened at its publication (a withdrawn one has none, as after a
   * withdrawal). Returns the stories in the order given.
   */
  @Transactional
  public List<Story> importDecided(List<ImportedStory> imported) {
    List<Story> saved = new ArrayList<>();
    for (ImportedStory one : imported) {
      NewStory submission = one.story();
      ImportedDecision decision = one.decision();
      Story story = stories.save(new Story(references.next(Year.from(decision.submittedAt().atZone(SCOTLAND))),
          submission.title(), submission.body(), submission.authorPseudonym(), submission.authorEmail(),
          submission.relationship(), submission.happenedIn(), organisation.findServices(submission.serviceIds()),
          submission.channel(), TrackingToken.hash(TrackingToken.generate()), decision.submittedAt()));
      story.tagOnSubmission(submission.tags());
      story.imported(decision);
      saved.add(story);
    }
    stories.flush();
    for (int i = 0; i < saved.size(); i++) {
      if (imported.get(i).decision().status() == StoryStatus.PUBLISHED) {
        cases.openImported(saved.get(i).getId(), imported.get(i).story().serviceIds(),
            imported.get(i).decision().publishedAt());
      }
    }
    return saved;
  }

  public long count() {
    return stories.count();
  }

  public Page<Story> publishedStories(Pageable pageable) {
    Page<Story> page = stories.findPublished(pageable);
    page.forEach(story -> story.getServices().forEach(CareService::getFullName));
    return page;
  }

  /** A published story with its services; empty for any other story, so nothing unpublished leaks. */
  public Optional<Story> findPublished(String reference) {
    return stories.findPublishedByReference(reference).map(StoryService::withServices);
  }

  /** Published stories by id, in the order of the ids, with their services. */
  public List<Story> findPublishedByIds(List<Long> storyIds) {
    Map<Long, Story> byId = new java.util.HashMap<>();
    if (storyIds.isEmpty()) {
      return List.of();
    }
    stories.findPublishedByIdIn(storyIds).forEach(story -> byId.put(story.getId(), withServices(story)));
    return storyIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** The author's own story, found by the private token. */
  public Optional<Story> findByTrackingToken(String token) {
    if (!TrackingToken.isWellFormed(token)) {
      return Optional.empty();
    }
    return stories.findByTrackingTokenHash(TrackingToken.hash(token)).map(StoryService::withServices);
  }

  // --- screening and scanning -------------------------------------------------------------

  public ScreeningSubject screeningSubject(Long storyId) {
    Story story = require(storyId);
    List<String> recent = story.getAuthorEmail() == null ? List.of()
        : stories.findRecentBodiesByAuthor(story.getAuthorEmail(), story.getId(), now().minus(DUPLICATE_WINDOW));
    return new ScreeningSubject(story.getTitle(), story.getBody(), story.isHoneypotTripped(), recent);
  }

  @Transactional
  public void recordScreening(Long storyId, boolean safeguarding, boolean spam, boolean abusive, boolean duplicate,
      boolean tooLong) {
    require(storyId).recordScreening(safeguarding, spam, abusive, duplicate, tooLong, now());
  }

  /** Title and text, as one text to scan for identifiers. */
  /** A story's text as its case scans it for identifiers and records the findings: the title, a blank line, the body. */
  static String textToScan(String title, String body) {
    return title + "\n\n" + body;
  }

  public String textToScan(Long storyId) {
    Story story = require(storyId);
    return textToScan(story.getTitle(), story.getBody());
  }

  @Transactional
  public void recordFindings(Long storyId, String findingsJson, int count) {
    require(storyId).recordFindings(findingsJson, count, now());
  }

  // --- moderation -------------------------------------------------------------------------

  public ModerationView moderationView(Long storyId) {
    Story story = require(storyId);
    String services = story.getServices().stream().map(CareService::getFullName).collect(Collectors.joining("; "));
    List<Long> serviceIds = story.getServices().stream().map(CareService::getId).toList();
    return new ModerationView(story.getId(), story.getReference(), story.getTitle(), story.getBody(), services,
        serviceIds, signals(story), story.getIdentifierFindings(), Set.copyOf(story.getTags()), story.getModeratedBy(),
        story.getChannel());
  }

  @Transactional
  public void recordModeration(Long storyId, ModerationOutcome outcome) {
    List<CareService> services = outcome.serviceIds().isEmpty() ? List.of() : organisation.findServices(outcome.serviceIds());
    if (services.size() != outcome.serviceIds().stream().distinct().count()) {
      throw new UnknownServiceException();
    }
    require(storyId).recordModeration(outcome.moderator(), outcome.criticality(), outcome.title(), outcome.body(),
        outcome.tags(), services, outcome.messageToAuthor(), now());
  }

  /** The text as the second moderator confirmed it, after redaction. */
  @Transactional
  public void recordRedaction(Long storyId, String title, String body) {
    require(storyId).recordRedaction(title, body, now());
  }

  /** Publishes an approved story and tells the author. */
  @Transactional
  public Story publish(Long storyId, Integer criticality) {
    Story story = require(storyId);
    story.publish(criticality, now());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", story.getReference());
    model.put("title", story.getTitle());
    model.put("storyUrl", publicUrl(story));
    tellAuthor(story, "story-published", model);
    return story;
  }

  /** Records a rejection with its reason code and tells the author why, in plain words. */
  @Transactional
  public Story reject(Long storyId, String reasonCode, Integer criticality) {
    Story story = require(storyId);
    story.reject(reasonCode, criticality, now());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", story.getReference());
    model.put("reason", reasonCode);
    model.put("message", story.getModeratorMessage());
    tellAuthor(story, "story-rejected", model);
    return story;
  }

  /**
   * Asks the author for changes. The email carries a fresh private link (the earlier one stops
   * working: only a hash of the newest is kept) and the moderator's message. A story taken by
   * phone or on paper without an email address keeps its link, the one staff passed on.
   */
  @Transactional
  public void requestChanges(Long storyId) {
    Story story = require(storyId);
    story.requestChanges(now());
    if (story.getAuthorEmail() == null) {
      return;
    }
    String token = TrackingToken.generate();
    story.replaceTrackingToken(TrackingToken.hash(token));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", story.getReference());
    model.put("message", story.getModeratorMessage());
    model.put("trackingUrl", trackingUrl(token));
    tellAuthor(story, "story-changes-requested", model);
  }

  /** The author's edit from the private page; the case goes back through screening and moderation. */
  @Transactional
  public void edit(String token, String title, String body) {
    Story story = findByTrackingToken(token).orElseThrow(StoryNotFoundException::new);
    if (story.getStatus() != StoryStatus.AWAITING_EDIT) {
      throw new StoryNotEditableException();
    }
    story.edit(title, body, now());
    lifecycle.storyEdited(story.getReference());
  }

  @Transactional
  public void closeNotEdited(Long storyId) {
    Story story = require(storyId);
    story.closeNotEdited(now());
    tellAuthor(story, "story-closed-not-edited", Map.of("reference", story.getReference()));
  }

  /**
   * The story as a safeguarding lead reviews it, with the author's contact details; empty unless
   * screening raised a safeguarding concern about it (other stories are no business of the page).
   */
  public Optional<SafeguardingView> safeguardingView(String reference) {
    return stories.findByReference(reference)
        .filter(story -> story.isFlagSafeguarding() || story.getSafeguardingDecision() != null)
        .map(story -> new SafeguardingView(story.getId(), story.getReference(), story.getTitle(), story.getBody(),
            story.getServices().stream().map(CareService::getFullName).collect(Collectors.joining("; ")),
            signals(story), story.getRelationship(), story.getAuthorPseudonym(), story.getAuthorEmail(),
            story.getChannel(), story.getStatus(), story.getSubmittedAt(), story.getSafeguardingDecision(),
            story.getEnteredBy()));
  }

  @Transactional
  public void recordSafeguardingDecision(Long storyId, String decision) {
    require(storyId).recordSafeguardingDecision(decision, now());
  }

  // --- responses ------------------------------------------------------------------------

  /** What staff alerts may carry: the reference, the title and a short excerpt of the published text. */
  public record PublishedSummary(String reference, String title, String excerpt, String storyUrl) {}

  public PublishedSummary publishedSummary(Long storyId) {
    Story story = require(storyId);
    String body = story.getBody();
    String excerpt = body.length() <= 200 ? body : body.substring(0, body.lastIndexOf(' ', 200) > 0 ? body.lastIndexOf(' ', 200) : 200) + "…";
    return new PublishedSummary(story.getReference(), story.getTitle(), excerpt, publicUrl(story));
  }

  /** Tells the author that a service responded, with a link to the story. */
  @Transactional
  public void responsePublished(Long storyId, String serviceName) {
    Story story = require(storyId);
    if (story.getAuthorEmail() == null) {
      return;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", story.getReference());
    model.put("service", serviceName);
    model.put("storyUrl", publicUrl(story));
    notifications.queue(story.getReference(), "response-published", story.getAuthorEmail(), model, story.getReference());
  }

  /** The services the story is about, by id. */
  public List<Long> serviceIds(Long storyId) {
    return require(storyId).getServices().stream().map(CareService::getId).toList();
  }

  // --- withdrawal -------------------------------------------------------------------------

  /**
   * The author withdraws the story from the private page: it is unpublished and its personal data
   * erased at once, including the emails about it; a running case is interrupted (its open tasks
   * and timers cancelled).
   */
  @Transactional
  public void withdraw(String token) {
    Story story = findByTrackingToken(token).orElseThrow(StoryNotFoundException::new);
    erase(story);
    lifecycle.storyWithdrawn(story.getReference());
  }

  /** The same erasure, from the case's withdrawal path; doing it twice changes nothing. */
  @Transactional
  public void withdraw(Long storyId) {
    erase(require(storyId));
  }

  private void erase(Story story) {
    if (story.getStatus() != StoryStatus.WITHDRAWN) {
      story.withdraw(now());
    }
    erased(story);
  }

  /** What follows an erasure of a story's text: its emails, replies and digest lines go too. */
  private void erased(Story story) {
    notifications.erase(story.getReference());
    cases.forget(story.getId());
    events.publishEvent(new StoryWithdrawnEvent(story.getId(), story.getReference()));
  }

  // --- retention and requests from the people the data is about ---------------------------

  /** The ends whose text the retention policy erases; withdrawal erased its own already. */
  static final List<StoryStatus> TEXT_RETAINED_UNTIL_ERASED = List.of(StoryStatus.REJECTED, StoryStatus.WITHDRAWN,
      StoryStatus.CLOSED_NOT_EDITED);
  /** Every status in which the story's part of the case is over. */
  static final List<StoryStatus> ENDED = List.of(StoryStatus.PUBLISHED, StoryStatus.REJECTED, StoryStatus.WITHDRAWN,
      StoryStatus.CLOSED_NOT_EDITED);

  /**
   * Retention: erases the text of up to {@code batch} rejected, withdrawn and closed-not-edited
   * stories that ended before the cutoff, with withdrawal's erasure (the emails about them, the
   * author's replies, their lines in digests); the status, reference and dates stay.
   *
   * @return how many stories' text was erased
   */
  @Transactional
  public int eraseEndedStoryText(Instant cutoff, int batch) {
    List<Long> ids = stories.findTextToErase(TEXT_RETAINED_UNTIL_ERASED, cutoff, Pageable.ofSize(batch));
    for (Long id : ids) {
      Story story = require(id);
      story.eraseText(now());
      erased(story);
    }
    return ids.size();
  }

  /**
   * Retention: erases the author's email and the private link's hash of up to {@code batch}
   * stories whose case ended before the cutoff; the reference and the published text stay. A case
   * still running, or that ended after the cutoff by the engine's history, is left for a later run.
   * First records the end of the cases that ended in the last {@code lookBack}, so that the end
   * is known when their history is cleaned up.
   *
   * @return how many stories' contact details were erased
   */
  @Transactional
  public int eraseAuthorContact(Instant cutoff, int batch, Duration lookBack) {
    Map<String, Instant> ended = lifecycle.casesEndedSince(now().minus(lookBack));
    if (!ended.isEmpty()) {
      stories.findByReferenceIn(ended.keySet()).forEach(story -> story.caseEndedAt(ended.get(story.getReference())));
      stories.flush();
    }
    // Cases still open are skipped, not counted: look at a few batches' worth of candidates.
    List<Story> candidates = stories.findContactToErase(ENDED, cutoff, Pageable.ofSize(batch * 4));
    Set<String> open = lifecycle.casesOpenAtOrAfter(candidates.stream().map(Story::getReference).toList(), cutoff);
    int erased = 0;
    for (Story story : candidates) {
      if (erased == batch) {
        break;
      }
      if (!open.contains(story.getReference())) {
        story.eraseContact(now());
        erased++;
      }
    }
    return erased;
  }

  /** What an email address told: every story with it, oldest first (subject access, erasure). */
  public List<Story> storiesOf(String email) {
    return stories.findByAuthorEmailIgnoreCaseOrderBySubmittedAtAscIdAsc(email.strip()).stream()
        .map(StoryService::withServices).toList();
  }

  /**
   * Right to erasure, asked for by the author through the data-protection officer: each of the
   * address's stories is withdrawn as its author would withdraw it (erased at once, a running case
   * ended through its withdrawal path).
   *
   * @return the references of the stories erased
   */
  @Transactional
  public List<String> eraseAllOf(String email) {
    List<String> references = new ArrayList<>();
    // By id, each loaded afresh: an erasure's bulk deletes clear the persistence context.
    List<Long> ids = stories.findByAuthorEmailIgnoreCaseOrderBySubmittedAtAscIdAsc(email.strip()).stream()
        .map(Story::getId).toList();
    for (Long id : ids) {
      Story story = require(id);
      erase(story);
      lifecycle.storyWithdrawn(story.getReference());
      references.add(story.getReference());
    }
    return references;
  }

  /** Tells the author that a reply was or was not published. */
  @Transactional
  public void replyModerated(Long storyId, boolean published) {
    Story story = require(storyId);
    if (story.getAuthorEmail() == null) {
      return;
    }
    notifications.queue(story.getReference(), published ? "reply-published" : "reply-declined", story.getAuthorEmail(),
        Map.of("reference", story.getReference(), "storyUrl", publicUrl(story)), story.getReference());
  }

  // --- helpers ----------------------------------------------------------------------------

  /** Emails the author about their story, if they gave an address (staff-entered stories may not). */
  private void tellAuthor(Story story, String template, Map<String, Object> model) {
    if (story.getAuthorEmail() != null) {
      notifications.queue(story.getReference(), template, story.getAuthorEmail(), model, story.getReference());
    }
  }

  private static String stripToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** "March 2026": how the public site shows when the care happened. */
  public static String monthOf(Story story) {
    return story.getHappenedIn().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
  }

  String trackingUrl(String token) {
    return site.link("/my-story/" + token);
  }

  public String publicUrl(Story story) {
    return site.link("/stories/" + story.getReference());
  }

  private static List<String> signals(Story story) {
    List<String> signals = new ArrayList<>();
    if (story.isFlagSafeguarding()) {
      signals.add("possible safeguarding concern");
    }
    if (story.isFlagAbusive()) {
      signals.add("abusive language");
    }
    if (story.isFlagSpam()) {
      signals.add(story.isHoneypotTripped() ? "spam (hidden form field filled in)" : "spam signals (links or repeated text)");
    }
    if (story.isFlagDuplicate()) {
      signals.add("near-identical to a story by the same author in the last 7 days");
    }
    if (story.isFlagTooLong()) {
      signals.add("longer than 1,000 words");
    }
    return signals;
  }

  private Instant now() {
    return Instant.now(clock);
  }

  private Story require(Long storyId) {
    return stories.findById(storyId).orElseThrow(() -> new IllegalStateException("No story with id " + storyId));
  }

  /** Loads what the public pages show of a story besides its columns: services and tags. */
  private static Story withServices(Story story) {
    story.getServices().forEach(CareService::getFullName);
    story.getTags().size();
    return story;
  }
}
