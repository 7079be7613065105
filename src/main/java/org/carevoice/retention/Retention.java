package org.carevoice.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.carevoice.notification.Notifications;
import org.carevoice.response.AuthorReplyService;
import org.carevoice.response.SubscriptionService;
import org.carevoice.story.StoryService;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention policy applied: each kind of personal data erased in a batch once older than its
 * period ({@link RetentionProperties}), by the feature that owns it, and each count recorded.
 * Called by the delegates of processes/data-retention.bpmn, one kind per save point.
 */
@Service
public class Retention {

  private static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  private final RetentionProperties policy;
  private final StoryService stories;
  private final Notifications notifications;
  private final SubscriptionService subscriptions;
  private final AuthorReplyService replies;
  private final RetentionRunRepository runs;
  private final Clock clock;

  Retention(RetentionProperties policy, StoryService stories, Notifications notifications,
      SubscriptionService subscriptions, AuthorReplyService replies, RetentionRunRepository runs, Clock clock) {
    this.policy = policy;
    this.stories = stories;
    this.notifications = notifications;
    this.subscriptions = subscriptions;
    this.replies = replies;
    this.runs = runs;
    this.clock = clock;
  }

  @Transactional
  public int eraseAuthorContact(String runId) {
    Instant cutoff = cutoff(policy.authorContact());
    return record(runId, RetentionKind.AUTHOR_CONTACT, cutoff,
        stories.eraseAuthorContact(cutoff, policy.batchSize(), policy.caseEndLookBack()));
  }

  @Transactional
  public int eraseStoryText(String runId) {
    Instant cutoff = cutoff(policy.storyText());
    return record(runId, RetentionKind.STORY_TEXT, cutoff, stories.eraseEndedStoryText(cutoff, policy.batchSize()));
  }

  @Transactional
  public int purgeSentEmails(String runId) {
    Instant cutoff = cutoff(policy.sentEmails());
    return record(runId, RetentionKind.SENT_EMAILS, cutoff, notifications.purgeSent(cutoff, policy.batchSize()));
  }

  @Transactional
  public int purgeDigestItems(String runId) {
    Instant cutoff = cutoff(policy.digestItems());
    return record(runId, RetentionKind.DIGEST_ITEMS, cutoff,
        subscriptions.purgeSentDigestItems(cutoff, policy.batchSize()));
  }

  @Transactional
  public int purgeReplyDrafts(String runId) {
    Instant cutoff = cutoff(policy.replyDrafts());
    return record(runId, RetentionKind.REPLY_DRAFTS, cutoff, replies.purgeDeclined(cutoff, policy.batchSize()));
  }

  /** The latest runs' counts, newest first, for the data-protection officer. */
  @Transactional(readOnly = true)
  public List<RetentionRun> latest(int rows) {
    return runs.findAllByOrderByRanAtDescIdDesc(Pageable.ofSize(rows));
  }

  /** One run's counts, in the order the kinds ran. */
  @Transactional(readOnly = true)
  public List<RetentionRun> run(String runId) {
    return runs.findByRunIdOrderByIdAsc(runId);
  }

  public RetentionProperties policy() {
    return policy;
  }

  /** Now less a period, in Scottish calendar terms (12 months back from 31 March is 31 March). */
  private Instant cutoff(Period period) {
    return Instant.now(clock).atZone(SCOTLAND).minus(period).toInstant();
  }

  private int record(String runId, RetentionKind kind, Instant cutoff, int erased) {
    runs.save(new RetentionRun(runId, kind, erased, cutoff, Instant.now(clock)));
    return erased;
  }
}
