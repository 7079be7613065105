package org.carevoice.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carevoice.retention.DataRetention.Elements.END_RETENTION_APPLIED;
import static org.carevoice.retention.DataRetention.Elements.SERVICE_TASK_ERASE_AUTHOR_CONTACT;
import static org.carevoice.retention.DataRetention.Elements.SERVICE_TASK_ERASE_STORY_TEXT;
import static org.carevoice.retention.DataRetention.Elements.SERVICE_TASK_PURGE_DIGEST_ITEMS;
import static org.carevoice.retention.DataRetention.Elements.SERVICE_TASK_PURGE_REPLY_DRAFTS;
import static org.carevoice.retention.DataRetention.Elements.SERVICE_TASK_PURGE_SENT_EMAILS;
import static org.carevoice.retention.DataRetention.Elements.TIMER_START_NIGHTLY;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * processes/data-retention.bpmn: the nightly timer fired by hand and every save point run
 * explicitly (no job executor). Each kind of data is placed just past its limit and just short of
 * it (two hours either side, so a change of clocks between now and the limit cannot blur it);
 * first, runs until nothing is left past a limit (the demo's history, other tests), so the counts of
 * the run under test are exact.
 */
@CarevoiceTest
class DataRetentionProcessTest {

  private static final ZoneId SCOTLAND = ZoneId.of("Europe/London");
  private static final Duration MARGIN = Duration.ofHours(2);
  private static final AtomicLong IDS = new AtomicLong(970_000_000L + (System.nanoTime() % 1_000_000) * 10);

  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestStories stories;
  @Autowired CaseDriver driver;
  @Autowired Retention retention;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void theRun_startsEveryNightAt0030_beforeTheHistoryCleanupWindow() {
    Job timer = nightlyTimer();
    assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isZero();
    assertThat(management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
        .getJobConfiguration()).isEqualTo("CYCLE: 0 30 0 * * ?");
  }

  @Test
  void authorContact_isErasedTwelveMonthsAfterTheCaseEnded_andNotBefore_publishedTextStays() throws Exception {
    drain();
    Instant limit = ZonedDateTime.now(SCOTLAND).minusMonths(12).toInstant();
    Story past = endedStory("Retention contact past", "PUBLISHED", limit.minus(MARGIN), false);
    Story notYet = endedStory("Retention contact not yet", "PUBLISHED", limit.plus(MARGIN), false);
    Story rejectedPast = endedStory("Retention contact rejected", "REJECTED", limit.minus(MARGIN), false);
    // Published long ago, but its case ran on (answers) and ended yesterday, by the engine's history.
    Story caseEndedLately = endedStory("Retention contact case ended lately", "PUBLISHED", limit.minus(Duration.ofDays(30)),
        true);
    // Published long ago, its case still running.
    Story stillRunning = submitted("Retention contact still running");
    jdbc.update("update story set status = 'PUBLISHED', ended_at = ?, published_at = ? where reference = ?",
        ts(limit.minus(Duration.ofDays(30))), ts(limit.minus(Duration.ofDays(30))), stillRunning.reference());

    ProcessInstance run = runRetention();

    assertThat(run).isEnded().hasPassedInOrder(SERVICE_TASK_ERASE_AUTHOR_CONTACT, SERVICE_TASK_ERASE_STORY_TEXT,
        SERVICE_TASK_PURGE_SENT_EMAILS, SERVICE_TASK_PURGE_DIGEST_ITEMS, SERVICE_TASK_PURGE_REPLY_DRAFTS,
        END_RETENTION_APPLIED);
    assertThat(counts(run)).containsEntry("erasedAuthorContacts", 2);
    assertThat(recorded(run)).containsEntry("author-contact", 2);

    for (Story erased : List.of(past, rejectedPast)) {
      Map<String, Object> row = storyRow(erased.reference());
      assertThat(row.get("author_email")).as(erased.reference()).isNull();
      assertThat(row.get("tracking_token_hash")).isNull();
      assertThat(row.get("contact_erased_at")).isNotNull();
    }
    Map<String, Object> published = storyRow(past.reference());
    assertThat(published.get("title")).isEqualTo("Retention contact past");
    assertThat(published.get("body")).isEqualTo(TestStories.BODY);
    assertThat(published.get("status")).isEqualTo("PUBLISHED");
    mvc.perform(get("/stories/" + past.reference())).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Retention contact past")));
    mvc.perform(get("/my-story/" + past.token())).andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("This private link does not work")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("12 months after we finish with a story")));

    for (Story kept : List.of(notYet, caseEndedLately, stillRunning)) {
      assertThat(storyRow(kept.reference()).get("author_email")).as(kept.reference()).isEqualTo(TestStories.EMAIL);
      assertThat(storyRow(kept.reference()).get("tracking_token_hash")).isNotNull();
    }
    mvc.perform(get("/my-story/" + notYet.token())).andExpect(status().isOk());
    assertThat(storyRow(caseEndedLately.reference()).get("case_ended_at")).as("the case's end, read from history")
        .isNotNull();
  }

  @Test
  void endedStoriesText_isErasedNinetyDaysAfterTheyEnded_andNotBefore_statusAndReferenceStay() {
    drain();
    Instant limit = ZonedDateTime.now(SCOTLAND).minusDays(90).toInstant();
    Story rejected = endedStory("Retention text rejected", "REJECTED", limit.minus(MARGIN), false);
    Story closed = endedStory("Retention text closed", "CLOSED_NOT_EDITED", limit.minus(MARGIN), false);
    Story rejectedLately = endedStory("Retention text rejected lately", "REJECTED", limit.plus(MARGIN), false);
    Story publishedLongAgo = endedStory("Retention text published", "PUBLISHED", limit.minus(Duration.ofDays(60)), false);
    jdbc.update("update story set moderator_message = 'Canary-Moderator-Note-4410' where reference = ?",
        rejected.reference());

    ProcessInstance run = runRetention();

    assertThat(counts(run)).containsEntry("erasedStoryTexts", 2);
    assertThat(recorded(run)).containsEntry("story-text", 2);
    for (Story erased : List.of(rejected, closed)) {
      Map<String, Object> row = storyRow(erased.reference());
      assertThat(row.get("title")).as(erased.reference()).isEqualTo("Withdrawn story");
      assertThat(row.get("body")).isEqualTo("");
      assertThat(row.get("author_pseudonym")).isNull();
      assertThat(row.get("author_email")).isNull();
      assertThat(row.get("moderator_message")).isNull();
      assertThat(row.get("text_erased_at")).isNotNull();
      assertThat(jdbc.queryForObject("select count(*) from outbox_message where about = ?", Integer.class,
          erased.reference())).as("the emails about it").isZero();
    }
    assertThat(storyRow(rejected.reference()).get("status")).isEqualTo("REJECTED");
    assertThat(storyRow(closed.reference()).get("status")).isEqualTo("CLOSED_NOT_EDITED");
    assertThat(storyRow(rejectedLately.reference()).get("title")).isEqualTo("Retention text rejected lately");
    assertThat(storyRow(publishedLongAgo.reference()).get("body")).as("published text stays").isEqualTo(TestStories.BODY);
  }

  @Test
  void sentEmailsDigestItemsAndDeclinedReplies_arePurgedAfterNinetyDays_andNothingElse() {
    drain();
    Instant limit = ZonedDateTime.now(SCOTLAND).minusDays(90).toInstant();
    long sentPast = email("SENT", limit.minus(MARGIN));
    long sentNotYet = email("SENT", limit.plus(MARGIN));
    long pendingOld = email("PENDING", null);
    long failedOld = email("FAILED", null);
    long digestPast = digestItem(limit.minus(MARGIN));
    long digestNotYet = digestItem(limit.plus(MARGIN));
    long digestWaiting = digestItem(null);
    Story story = endedStory("Retention replies", "PUBLISHED", Instant.now().minus(Duration.ofDays(200)), false);
    long response = response(story);
    long declinedPast = reply(story, response, "REJECTED", limit.minus(MARGIN));
    long declinedNotYet = reply(story, response, "REJECTED", limit.plus(MARGIN));
    long publishedOld = reply(story, response, "PUBLISHED", limit.minus(Duration.ofDays(60)));

    ProcessInstance run = runRetention();

    assertThat(counts(run)).containsEntry("purgedSentEmails", 1).containsEntry("purgedDigestItems", 1)
        .containsEntry("purgedReplyDrafts", 1);
    assertThat(recorded(run)).containsEntry("sent-emails", 1).containsEntry("digest-items", 1)
        .containsEntry("reply-drafts", 1);
    assertThat(ids("outbox_message", sentPast, sentNotYet, pendingOld, failedOld))
        .containsExactlyInAnyOrder(sentNotYet, pendingOld, failedOld);
    assertThat(ids("digest_item", digestPast, digestNotYet, digestWaiting))
        .containsExactlyInAnyOrder(digestNotYet, digestWaiting);
    assertThat(ids("author_reply", declinedPast, declinedNotYet, publishedOld))
        .containsExactlyInAnyOrder(declinedNotYet, publishedOld);
  }

  @Test
  void aRunWithNothingPastItsLimits_erasesNothing_andRecordsZeroForEachKind_withCountsAsItsOnlyVariables() {
    drain();

    ProcessInstance run = runRetention();

    assertThat(counts(run)).containsExactlyInAnyOrderEntriesOf(Map.of("erasedAuthorContacts", 0, "erasedStoryTexts", 0,
        "purgedSentEmails", 0, "purgedDigestItems", 0, "purgedReplyDrafts", 0));
    assertThat(recorded(run)).containsExactlyInAnyOrderEntriesOf(Map.of("author-contact", 0, "story-text", 0,
        "sent-emails", 0, "digest-items", 0, "reply-drafts", 0));
    assertThat(retention.run(run.getId())).allSatisfy(row -> assertThat(row.getCutoff()).isBefore(row.getRanAt()));
  }

  // --- the run ------------------------------------------------------------------------------

  private Job nightlyTimer() {
    return management.createJobQuery().processDefinitionKey(DataRetention.PROCESS_KEY).timers()
        .activityId(TIMER_START_NIGHTLY).singleResult();
  }

  /** Runs until a run erases nothing: what the demo data and other tests left past a limit is gone. */
  private void drain() {
    for (int night = 0; night < 50; night++) {
      if (counts(runRetention()).values().stream().allMatch(count -> ((Number) count).intValue() == 0)) {
        return;
      }
    }
    throw new IllegalStateException("Retention never caught up");
  }

  /** Fires the nightly timer as if 00:30 had come, then runs every save point of the run it started. */
  private ProcessInstance runRetention() {
    Set<String> before = history.createHistoricProcessInstanceQuery().processDefinitionKey(DataRetention.PROCESS_KEY)
        .list().stream().map(i -> i.getId()).collect(Collectors.toCollection(HashSet::new));
    management.executeJob(nightlyTimer().getId());
    ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(DataRetention.PROCESS_KEY).list()
        .stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
    assertThat(run).isWaitingAt(SERVICE_TASK_ERASE_AUTHOR_CONTACT);
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(run.getId()).list();
      if (jobs.isEmpty()) {
        return run;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("The run never ended");
  }

  private Map<String, Object> counts(ProcessInstance run) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).list().stream()
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
  }

  private Map<String, Integer> recorded(ProcessInstance run) {
    return retention.run(run.getId()).stream().collect(Collectors.toMap(RetentionRun::getKind, RetentionRun::getErased));
  }

  // --- the data -----------------------------------------------------------------------------

  private record Story(String reference, String token) {}

  private Story submitted(String title) {
    SubmittedStory submitted = stories.submit(title);
    return new Story(submitted.reference(), submitted.trackingToken());
  }

  /**
   * A story whose case ended: its process instance ended now (history kept) or long ago (history
   * already cleaned up), with the story's own status and end as given.
   */
  private Story endedStory(String title, String status, Instant endedAt, boolean caseEndedNow) {
    Story story = submitted(title);
    ProcessInstance instance = driver.instance(story.reference());
    runtime.deleteProcessInstance(instance.getId(), "retention test: the case ended", true, true);
    if (!caseEndedNow) {
      history.deleteHistoricProcessInstance(instance.getId());
    }
    jdbc.update("update story set status = ?, ended_at = ?, published_at = ? where reference = ?", status, ts(endedAt),
        "PUBLISHED".equals(status) ? ts(endedAt) : null, story.reference());
    return story;
  }

  private Map<String, Object> storyRow(String reference) {
    return jdbc.queryForMap("select * from story where reference = ?", reference).entrySet().stream()
        .collect(java.util.HashMap::new, (m, e) -> m.put(e.getKey().toLowerCase(), e.getValue()), Map::putAll);
  }

  private long email(String status, Instant sentAt) {
    long id = IDS.incrementAndGet();
    Instant created = sentAt != null ? sentAt : Instant.now().minus(Duration.ofDays(400));
    jdbc.update("""
        insert into outbox_message (id, template, recipient, subject, text_body, html_body, status, attempts,
          next_attempt_at, created_at, sent_at)
        values (?, 'story-received', 'retention.test@example.org', 'Subject', 'Text', '<p>Text</p>', ?, 1, ?, ?, ?)""",
        id, status, ts(created), ts(created), sentAt == null ? null : ts(sentAt));
    return id;
  }

  private long digestItem(Instant sentAt) {
    long id = IDS.incrementAndGet();
    jdbc.update("""
        insert into digest_item (id, user_id, story_reference, title, story_url, created_at, sent_at)
        values (?, 'craig', 'CV-2025-999999', 'A title', 'http://localhost/stories/CV-2025-999999', ?, ?)""",
        id, ts(Instant.now().minus(Duration.ofDays(400))), sentAt == null ? null : ts(sentAt));
    return id;
  }

  private long response(Story story) {
    long id = IDS.incrementAndGet();
    jdbc.update("""
        insert into response (id, story_id, service_id, body, responder_name, responder_role, created_at, published_at,
          status)
        values (?, (select id from story where reference = ?), ?, 'Thank you.', 'A nurse', 'Charge nurse', ?, ?,
          'PUBLISHED')""",
        id, story.reference(), stories.serviceId("hairmyres-emergency-department"),
        ts(Instant.now().minus(Duration.ofDays(199))), ts(Instant.now().minus(Duration.ofDays(199))));
    return id;
  }

  private long reply(Story story, long response, String status, Instant createdAt) {
    long id = IDS.incrementAndGet();
    jdbc.update("""
        insert into author_reply (id, story_id, response_id, body, status, created_at, published_at)
        values (?, (select id from story where reference = ?), ?, 'Thanks for answering.', ?, ?, ?)""",
        id, story.reference(), response, status, ts(createdAt), "PUBLISHED".equals(status) ? ts(createdAt) : null);
    return id;
  }

  private List<Long> ids(String table, long... ids) {
    String in = java.util.Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(","));
    return jdbc.queryForList("select id from " + table + " where id in (" + in + ")", Long.class);
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
