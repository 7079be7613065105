package org.carevoice.story;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carevoice.notification.Notifications;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.SiteProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stories: submission, what the public and the author may see, and moderation outcomes. */
@Service
@Transactional(readOnly = true)
public class StoryService {

  static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  private final StoryRepository stories;
  private final StoryReferences references;
  private final OrganisationService organisation;
  private final StoryLifecycle lifecycle;
  private final Notifications notifications;
  private final SiteProperties site;
  private final Clock clock;

  StoryService(StoryRepository stories, StoryReferences references, OrganisationService organisation, StoryLifecycle lifecycle,
      Notifications notifications, SiteProperties site, Clock clock) {
    this.stories = stories;
    this.references = references;
    this.organisation = organisation;
    this.lifecycle = lifecycle;
    this.notifications = notifications;
    this.site = site;
    this.clock = clock;
  }

  /**
   * Accepts a story: the row, its case in the engine (up to the first save point) and the
   * author's acknowledgement email are written in one transaction, so a story that was
   * accepted always has its case, and a failure leaves nothing behind.
   */
  @Transactional
  public SubmittedStory submit(NewStory submission) {
    List<CareService> services = organisation.findServices(submission.serviceIds());
    if (services.size() != submission.serviceIds().stream().distinct().count()) {
      throw new UnknownServiceException();
    }
    String token = TrackingToken.generate();
    Instant now = Instant.now(clock);
    Story story = stories.save(new Story(references.next(Year.from(now.atZone(SCOTLAND))), submission.title().strip(), submission.body().strip(),
        submission.authorPseudonym().strip(), submission.authorEmail().strip(), submission.relationship(),
        submission.happenedIn(), services, submission.channel(), TrackingToken.hash(token), now));
    stories.flush();
    lifecycle.start(story);
    notifications.queue("story-received", story.getAuthorEmail(),
        Map.of("reference", story.getReference(), "trackingUrl", trackingUrl(token)), story.getReference());
    return new SubmittedStory(story.getReference(), token);
  }

  /**
   * Records a story that was moderated and published elsewhere (an import from an earlier system,
   * or the demo data) with its original publication time. It has no case in the engine.
   */
  @Transactional
  public Story importPublished(NewStory submission, Integer criticality, Instant publishedAt) {
    List<CareService> services = organisation.findServices(submission.serviceIds());
    Story story = stories.save(new Story(references.next(Year.from(publishedAt.atZone(SCOTLAND))), submission.title(), submission.body(), submission.authorPseudonym(),
        submission.authorEmail(), submission.relationship(), submission.happenedIn(), services, submission.channel(),
        TrackingToken.hash(TrackingToken.generate()), publishedAt));
    story.publishedAt(criticality, publishedAt);
    return story;
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
    return stories.findByReferenceAndStatus(reference, StoryStatus.PUBLISHED).map(StoryService::withServices);
  }

  /** The author's own story, found by the private token. */
  public Optional<Story> findByTrackingToken(String token) {
    if (!TrackingToken.isWellFormed(token)) {
      return Optional.empty();
    }
    return stories.findByTrackingTokenHash(TrackingToken.hash(token)).map(StoryService::withServices);
  }

  public ModerationView moderationView(Long storyId) {
    Story story = require(storyId);
    String services = story.getServices().stream().map(CareService::getFullName).collect(Collectors.joining("; "));
    return new ModerationView(story.getReference(), story.getTitle(), story.getBody(), services);
  }

  /** Publishes an approved story and tells the author. */
  @Transactional
  public Story publish(Long storyId, Integer criticality) {
    Story story = require(storyId);
    story.publish(criticality, Instant.now(clock));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reference", story.getReference());
    model.put("title", story.getTitle());
    model.put("storyUrl", site.link("/stories/" + story.getReference()));
    notifications.queue("story-published", story.getAuthorEmail(), model, story.getReference());
    return story;
  }

  /** Records a rejection with its reason code and tells the author why, in plain words. */
  @Transactional
  public Story reject(Long storyId, String reasonCode, Integer criticality) {
    Story story = require(storyId);
    story.reject(reasonCode, criticality, Instant.now(clock));
    notifications.queue("story-rejected", story.getAuthorEmail(),
        Map.of("reference", story.getReference(), "reason", reasonCode), story.getReference());
    return story;
  }

  /** "March 2026": how the public site shows when the care happened. */
  public static String monthOf(Story story) {
    return story.getHappenedIn().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
  }

  String trackingUrl(String token) {
    return site.link("/my-story/" + token);
  }

  private Story require(Long storyId) {
    return stories.findById(storyId).orElseThrow(() -> new IllegalStateException("No story with id " + storyId));
  }

  private static Story withServices(Story story) {
    story.getServices().forEach(CareService::getFullName);
    return story;
  }
}
