package org.carevoice.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carevoice.story.SafeguardingView;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safeguarding lead's side of a concern: the staff page that shows the story with the
 * author's contact details (every opening recorded), and the links that lead to it.
 */
@Service
public class SafeguardingReviews {

  /** The staff page of a story's concern; the path carries the public reference, nothing personal. */
  static final String PAGE = "/staff/safeguarding/";

  /** One recorded opening of the page: who, when, which story. */
  public record AccessRecord(String reference, String viewedBy, Instant viewedAt) {}

  private final StoryService stories;
  private final StoryLifecycle lifecycle;
  private final SafeguardingAccessRepository accessLog;
  private final SiteProperties site;
  private final Clock clock;

  SafeguardingReviews(StoryService stories, StoryLifecycle lifecycle, SafeguardingAccessRepository accessLog,
      SiteProperties site, Clock clock) {
    this.stories = stories;
    this.lifecycle = lifecycle;
    this.accessLog = accessLog;
    this.site = site;
    this.clock = clock;
  }

  /**
   * The story with the author's contact details, for a member of the safeguarding group (the
   * caller checks); the opening is recorded in the same transaction, so nothing is shown unlogged.
   */
  @Transactional
  public Optional<SafeguardingView> open(String reference, String viewer) {
    Optional<SafeguardingView> view = stories.safeguardingView(reference);
    view.ifPresent(story -> accessLog.save(new SafeguardingAccess(story.id(), story.reference(), viewer,
        Instant.now(clock))));
    return view;
  }

  /** Every recorded opening of a story's safeguarding page, oldest first (for data protection). */
  @Transactional(readOnly = true)
  public List<AccessRecord> accessLog(String reference) {
    return accessLog.findByStoryReferenceOrderByViewedAtAscIdAsc(reference).stream()
        .map(access -> new AccessRecord(access.getStoryReference(), access.getViewedBy(), access.getViewedAt()))
        .toList();
  }

  /** The latest openings of any story's safeguarding page, newest first (the data-protection access log). */
  @Transactional(readOnly = true)
  public List<AccessRecord> latestAccess(int rows) {
    return accessLog.findAllByOrderByViewedAtDescIdDesc(org.springframework.data.domain.Pageable.ofSize(rows)).stream()
        .map(access -> new AccessRecord(access.getStoryReference(), access.getViewedBy(), access.getViewedAt()))
        .toList();
  }

  /** The absolute address of the story's safeguarding page, for an email or a form. */
  public String pageUrl(String reference) {
    return site.link(PAGE + reference);
  }

  /** Tasklist opened on the story's open "Review safeguarding concern" task, if there is one. */
  public Optional<String> reviewTaskUrl(String reference) {
    return lifecycle.openSafeguardingReviewTaskId(reference).map(this::taskUrl);
  }

  String taskUrl(String taskId) {
    return site.link("/camunda/app/tasklist/default/#/?task=" + taskId);
  }
}
