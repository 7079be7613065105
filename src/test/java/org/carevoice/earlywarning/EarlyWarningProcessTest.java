package org.carevoice.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carevoice.earlywarning.EarlyWarning.Elements.END_NOTHING_NEW;
import static org.carevoice.earlywarning.EarlyWarning.Elements.END_SERVICES_CHECKED;
import static org.carevoice.earlywarning.EarlyWarning.Elements.END_SERVICE_WARNED;
import static org.carevoice.earlywarning.EarlyWarning.Elements.SERVICE_TASK_EMAIL_EARLY_WARNING;
import static org.carevoice.earlywarning.EarlyWarning.Elements.SERVICE_TASK_LIST_CHECKED_SERVICES;
import static org.carevoice.earlywarning.EarlyWarning.Elements.TIMER_START_DAILY_CHECK;
import static org.carevoice.earlywarning.WarningData.days;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.TextInTables;
import org.carevoice.earlywarning.WarningData.Story;
import org.carevoice.organisation.CareService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/early-warning.bpmn, one test per path. The daily timer is fired by hand and every save
 * point run explicitly (no job executor); each test's service is its own, with its own manager.
 */
@CarevoiceTest
class EarlyWarningProcessTest {

  private static final String BASE = "http://localhost:8080";
  private static final List<String> MARKERS = List.of(WarningData.TITLE_MARKER, WarningData.BODY_MARKER,
      WarningData.PSEUDONYM_MARKER, WarningData.EMAIL_MARKER);

  @Autowired ProcessEngine processEngine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired EarlyWarnings warnings;

  private WarningData data;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    data = new WarningData(context);
  }

  @Test
  void theCheck_runsEveryDayAt7() {
    Job timer = dailyTimer();
    assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(7);
    assertThat(management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
        .getJobConfiguration()).isEqualTo("CYCLE: 0 0 7 * * ?");
  }

  @Test
  void twoCriticalStories_areNoWarning_andNoOneIsEmailed() {
    CareService service = serviceManagedBy("ew-quiet");
    data.published(service, days(1), 5);
    data.published(service, days(2), 4);
    data.published(service, days(3), 3);

    ProcessInstance run = runCheck();

    assertThat(run).isEnded().hasPassed(END_SERVICES_CHECKED);
    assertThat(pathOf(run, service)).contains(END_NOTHING_NEW).doesNotContain(SERVICE_TASK_EMAIL_EARLY_WARNING);
    assertThat(emailsTo("ew-quiet")).isEmpty();
    assertThat(warnings.history(service.getId())).isEmpty();
  }

  @Test
  void threeCriticalStoriesInAWeek_emailTheManager_withTheFiguresAndLinks_andNoStoryText() {
    CareService service = serviceManagedBy("ew-critical");
    Story newest = data.published(service, days(1), 5);
    Story second = data.published(service, days(2), 4);
    Story third = data.published(service, days(3), 5);
    Story mild = data.published(service, days(4), 1);
    data.published(service, days(9), 4);

    ProcessInstance run = runCheck();

    assertThat(run).isEnded().hasPassed(SERVICE_TASK_EMAIL_EARLY_WARNING, END_SERVICE_WARNED);
    assertThat(pathOf(run, service)).contains(SERVICE_TASK_EMAIL_EARLY_WARNING, END_SERVICE_WARNED);
    Map<String, Object> email = singleEmailTo("ew-critical");
    assertThat(email.get("subject")).isEqualTo("Early warning for " + service.getFullName());
    String text = (String) email.get("text_body");
    assertThat(text).contains("Several strongly or severely critical stories")
        .contains("In the last 7 days, 3 of the 4 stories published about the service were strongly or severely critical")
        .contains("In the 7 days before: 1 of 1.")
        .contains("Rule that raised it: 3 or more strongly or severely critical stories published in 7 days.")
        .contains("- " + newest.reference() + ": " + BASE + "/staff/stories/" + newest.reference())
        .contains(BASE + "/staff/stories/" + second.reference(), BASE + "/staff/stories/" + third.reference())
        .doesNotContain(mild.reference())
        .contains(BASE + "/staff/reports?service=" + service.getSlug() + "&period=month")
        .contains(BASE + "/staff/reports/overdue?service=" + service.getSlug())
        .contains(BASE + "/staff/subscriptions")
        .contains("for 7 days");
    assertThat(text.indexOf(newest.reference())).as("newest first").isLessThan(text.indexOf(third.reference()));
    String html = (String) email.get("html_body");
    assertThat(html).contains("href=\"" + BASE + "/staff/stories/" + newest.reference() + "\"")
        .contains("href=\"" + BASE + "/staff/reports?service=" + service.getSlug() + "&amp;period=month\"");
    assertThat(List.of(email.get("subject"), text, html)).allSatisfy(part -> assertThat((String) part)
        .doesNotContain(MARKERS.toArray(String[]::new)));
    assertThat(jdbc.queryForList("select recipient from outbox_message where subject = ?", String.class,
        email.get("subject"))).as("the service's manager only").containsExactly("ew-critical@ew.test");
    assertThat(warnings.history(service.getId())).singleElement().satisfies(warning -> {
      assertThat(warning.getSignal()).isEqualTo(Signal.CRITICAL_STORIES);
      assertThat(warning.getFigure()).isEqualTo(3);
      assertThat(warning.getStoryIds()).containsExactlyInAnyOrder(newest.id(), second.id(), third.id());
      assertThat(warning.getRecipients()).isEqualTo(1);
      assertThat(warning.getSentAt()).isNotNull();
      assertThat(warning.getRunId()).isEqualTo(run.getId());
    });
  }

  @Test
  void aTagsShareRising_emailsTheManager_withItsShareNowAndBefore() {
    CareService service = serviceManagedBy("ew-tag");
    for (int i = 0; i < 10; i++) {
      data.published(service, days(30 + 7 * i), 1, i == 0 ? FiguresDataSet.WAITING : "improve:food");
    }
    for (int i = 0; i < 5; i++) {
      data.published(service, days(2 + 5 * i), 2, i < 4 ? FiguresDataSet.WAITING : "improve:parking");
    }

    ProcessInstance run = runCheck();

    assertThat(pathOf(run, service)).contains(SERVICE_TASK_EMAIL_EARLY_WARNING);
    String text = (String) singleEmailTo("ew-tag").get("text_body");
    assertThat(text).contains("More stories say \"Waiting time\" could be improved")
        .contains("In the last 28 days, 4 of the 5 stories published about the service (80%) said \"Waiting time\"")
        .contains("In the 84 days before: 1 of 10 (10%).")
        .contains("its share up by 20 percentage points").contains("for 28 days")
        .doesNotContain("Parking").doesNotContain("Food");
    assertThat(warnings.history(service.getId())).singleElement()
        .satisfies(warning -> assertThat(warning.getTag()).isEqualTo(FiguresDataSet.WAITING));
  }

  @Test
  void casesGoingOverdueInARow_emailTheManager() {
    CareService service = serviceManagedBy("ew-overdue");
    Story latest = caseOverdue(service, 1, null);
    caseOverdue(service, 2, 1.0);
    caseOverdue(service, 4, null);
    Story inTime = caseOverdue(service, 6, 7.0);

    ProcessInstance run = runCheck();

    assertThat(pathOf(run, service)).contains(SERVICE_TASK_EMAIL_EARLY_WARNING);
    String text = (String) singleEmailTo("ew-overdue").get("text_body");
    assertThat(text).contains("Responses going overdue in a row")
        .contains("The service's latest 3 cases to reach their overdue date were all unanswered by then")
        .contains("In the last 28 days, 3 of the 4 cases")
        .contains("In the 28 days before, no case reached its overdue date.")
        .contains(BASE + "/staff/stories/" + latest.reference()).doesNotContain(inTime.reference())
        .contains(BASE + "/staff/reports/overdue?service=" + service.getSlug());
  }

  @Test
  void theSameSignal_isNotEmailedAgain_untilItClears_orItsQuietDaysPass() {
    CareService service = serviceManagedBy("ew-repeat");
    threeCriticalStories(service);
    runCheck();
    assertThat(emailsTo("ew-repeat")).hasSize(1);

    ProcessInstance again = runCheck();
    assertThat(pathOf(again, service)).contains(END_NOTHING_NEW);
    assertThat(emailsTo("ew-repeat")).as("still there: not repeated").hasSize(1);
    assertThat(warnings.history(service.getId())).singleElement()
        .satisfies(warning -> assertThat(warning.getLastSeenAt()).isAfter(warning.getRaisedAt()));

    data.age(service, days(8));
    runCheck();
    assertThat(warnings.history(service.getId())).singleElement()
        .satisfies(warning -> assertThat(warning.getClearedAt()).as("cleared").isNotNull());
    assertThat(emailsTo("ew-repeat")).hasSize(1);

    threeCriticalStories(service);
    runCheck();
    assertThat(emailsTo("ew-repeat")).as("back after it cleared").hasSize(2);

    jdbc.update("update early_warning set raised_at = raised_at - interval '7' day where service_id = ?"
        + " and cleared_at is null", service.getId());
    runCheck();
    assertThat(emailsTo("ew-repeat")).as("still there after its 7 quiet days").hasSize(3);
    assertThat(warnings.history(service.getId())).hasSize(3);
  }

  @Test
  void aServiceWhoseManagersHaveNoEmailAddress_recordsTheWarning_andEmailsNoOne() {
    CareService service = data.service("managers-ew-noaddress");
    data.manager("managers-ew-noaddress", "ew-noaddress", null);
    threeCriticalStories(service);

    ProcessInstance run = runCheck();

    assertThat(run).isEnded();
    assertThat(runtime.createIncidentQuery().processInstanceId(run.getId()).count()).isZero();
    assertThat(pathOf(run, service)).contains(SERVICE_TASK_EMAIL_EARLY_WARNING, END_SERVICE_WARNED);
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where template = 'early-warning'"
        + " and subject = ?", Long.class, "Early warning for " + service.getFullName())).isZero();
    assertThat(warnings.history(service.getId())).singleElement().satisfies(warning -> {
      assertThat(warning.getRecipients()).isZero();
      assertThat(warning.getSentAt()).isNull();
    });
  }

  @Test
  void theCheck_leavesNoStoryTextOrAuthorInHistory() {
    CareService service = serviceManagedBy("ew-history");
    threeCriticalStories(service);
    ProcessInstance run = runCheck();

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).count())
        .as("history was written").isGreaterThan(20);
    Map<String, String> queries = Map.of(
        "ACT_HI_VARINST", "select * from ACT_HI_VARINST where PROC_INST_ID_ = '" + run.getId() + "'",
        "ACT_HI_DETAIL", "select * from ACT_HI_DETAIL where PROC_INST_ID_ = '" + run.getId() + "'",
        "ACT_GE_BYTEARRAY", "select * from ACT_GE_BYTEARRAY where ID_ in (select BYTEARRAY_ID_ from ACT_HI_VARINST"
            + " where PROC_INST_ID_ = '" + run.getId() + "')",
        "ACT_HI_DEC_IN", "select * from ACT_HI_DEC_IN",
        "ACT_HI_DEC_OUT", "select * from ACT_HI_DEC_OUT");
    assertThat(TextInTables.find(jdbc, queries, MARKERS)).isEmpty();
  }

  private void threeCriticalStories(CareService service) {
    data.published(service, days(1), 5);
    data.published(service, days(2), 4);
    data.published(service, days(3), 4);
  }

  private Story caseOverdue(CareService service, double overdueDaysAgo, Double answeredDaysAgo) {
    Story story = data.published(service, days(200), 3);
    data.serviceCase(service, story, days(overdueDaysAgo), answeredDaysAgo == null ? null : days(answeredDaysAgo));
    return story;
  }

  /** A new service whose manager group has one member with an address, user@ew.test. */
  private CareService serviceManagedBy(String user) {
    String group = "managers-" + user;
    CareService service = data.service(group);
    data.manager(group, user, user + "@ew.test");
    return service;
  }

  private Job dailyTimer() {
    return management.createJobQuery().processDefinitionKey(EarlyWarning.PROCESS_KEY).timers()
        .activityId(TIMER_START_DAILY_CHECK).singleResult();
  }

  /** Fires the daily timer as if 07:00 had come, then runs every save point of the run it started. */
  private ProcessInstance runCheck() {
    Set<String> running = new HashSet<>(runtime.createProcessInstanceQuery()
        .processDefinitionKey(EarlyWarning.PROCESS_KEY).list().stream().map(ProcessInstance::getId).toList());
    management.executeJob(dailyTimer().getId());
    ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(EarlyWarning.PROCESS_KEY).list()
        .stream().filter(instance -> !running.contains(instance.getId())).findFirst().orElseThrow();
    assertThat(run).isWaitingAt(SERVICE_TASK_LIST_CHECKED_SERVICES);
    for (int round = 0; round < 10_000; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(run.getId()).list();
      if (jobs.isEmpty()) {
        return run;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("The check never ended");
  }

  /**
   * The elements one service's turn of the run passed, from history: the services take their turns
   * one after another, in the order of the run's serviceIds.
   */
  private List<String> pathOf(ProcessInstance run, CareService service) {
    List<?> serviceIds = (List<?>) history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
        .variableName(EarlyWarning.Vars.SERVICE_IDS).singleResult().getValue();
    int turn = serviceIds.stream().map(id -> ((Number) id).longValue()).toList().indexOf(service.getId());
    assertThat(turn).as("the service was checked").isNotNegative();
    List<HistoricActivityInstance> turns = history.createHistoricActivityInstanceQuery()
        .processInstanceId(run.getId()).activityId(EarlyWarning.Elements.SUB_PROCESS_CHECK_SERVICE)
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .filter(activity -> activity.getActivityType().equals("subProcess")).toList();
    assertThat(turns).hasSameSizeAs(serviceIds);
    String scope = turns.get(turn).getId();
    return history.createHistoricActivityInstanceQuery().processInstanceId(run.getId()).list().stream()
        .filter(activity -> scope.equals(activity.getParentActivityInstanceId()))
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private List<Map<String, Object>> emailsTo(String user) {
    return jdbc.queryForList("select subject, text_body, html_body from outbox_message where recipient = ?"
        + " and template = 'early-warning' order by id", user + "@ew.test");
  }

  private Map<String, Object> singleEmailTo(String user) {
    List<Map<String, Object>> emails = emailsTo(user);
    assertThat(emails).hasSize(1);
    return emails.get(0);
  }
}
