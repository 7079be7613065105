package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carevoice.story.StoryLifecycle.Elements.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The story-lifecycle model, one test per path, driven through the engine with the real
 * delegates, listeners, decision table and forms' variables. Timers are fired explicitly.
 */
@CarevoiceTest
class StoryLifecycleProcessTest {

  static final String CLEAN_BODY = "I was seen in the emergency department late at night. The nurse who triaged me "
      + "explained everything and the wait was shorter than I expected. Thank you to the whole team.";
  static final String WITH_IDENTIFIERS = "Dr Fraser looked after my dad all week. You can call me on 07700 900123 "
      + "if you want to know more about how kind the ward staff were to us.";
  static final String SAFEGUARDING = "My mum is not safe at home. Her carer hits my mum when nobody is there and "
      + "the ward sent her back anyway. Please help, the staff were kind but nobody listened to us.";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.FormService formService;
  @Autowired ManagementService managementService;
  @Autowired StoryService stories;
  @Autowired StoryRepository storyRepository;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void submittedStory_isScreenedScannedAndWaitsForAModerator() {
    String reference = submit("Waiting for a moderator", CLEAN_BODY);
    ProcessInstance instance = driver.instance(reference);
    // The submission's own transaction ran the start event up to the save point before screening.
    assertThat(instance).hasPassed(START_STORY_SUBMITTED).isWaitingAt(SERVICE_TASK_SCREEN_STORY);
    assertThat(BpmnAwareTests.jobQuery().processInstanceId(instance.getId()).list()).hasSize(1);

    // One save point up to the moderator: screening, the scan, the urgency decision and the task in one job.
    BpmnAwareTests.execute(BpmnAwareTests.job(instance));

    assertThat(instance).hasPassedInOrder(SERVICE_TASK_SCREEN_STORY, SERVICE_TASK_SCAN_IDENTIFIERS,
        BUSINESS_RULE_TASK_ASSESS_URGENCY).isWaitingAt(USER_TASK_MODERATE_STORY);
    // Jobs that never failed leave no job log (CarevoiceHistoryLevel); the activity history has the steps.
    assertThat(processEngine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
        .count()).isZero();
    assertThat(instance).task().hasCandidateGroup(StoryLifecycle.Groups.MODERATORS);
    assertThat(instance).variables().containsEntry("urgency", "routine").containsEntry("safeguardingFlag", false)
        .containsEntry("identifiersFound", 0);
    assertThat(driver.task(instance, USER_TASK_MODERATE_STORY).getPriority()).isEqualTo(50);
    assertThat(driver.task(instance, USER_TASK_MODERATE_STORY).getDueDate()).isNotNull();
    Map<String, Object> form = driver.formVariables(instance, USER_TASK_MODERATE_STORY);
    assertThat(form).containsEntry("privateTitle", "Waiting for a moderator");
    assertThat(form.get("privateText").toString()).startsWith("I was seen in the emergency department");
    assertThat(form.get("displayServices").toString()).contains("Emergency Department");
    assertThat(form.get("displayServiceOptions").toString()).contains("Care at Home");
  }

  @Test
  void approvedStory_isPublishedAndAuthorEmailed() {
    String reference = submit("Approved story", CLEAN_BODY);
    ProcessInstance instance = moderated(reference, approve("1"));

    assertThat(instance).hasPassedInOrder(USER_TASK_MODERATE_STORY, SERVICE_TASK_RESCAN_MODERATED_TEXT,
        EVENT_SAFEGUARDING_CLEARED, SERVICE_TASK_PUBLISH_STORY)
        .hasNotPassed(USER_TASK_CONFIRM_ANONYMISATION, USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    assertPublishedAndAwaitingResponses(instance);
    Story story = storyRepository.findByReference(reference).orElseThrow();
    assertThat(story.getStatus()).isEqualTo(StoryStatus.PUBLISHED);
    assertThat(story.getCriticality()).isEqualTo(1);
    assertThat(story.getModeratedBy()).isEqualTo("morag");
    assertThat(testStories.tagsOf(reference)).containsExactlyInAnyOrder("good:kind-staff", "felt:reassured");
    assertThat(driver.templatesAbout(reference)).startsWith("story-received", "story-published").contains("story-alert");
  }

  @Test
  void moderatorEdits_titleTextAndServices_areSaved() {
    String reference = submit("Original title", CLEAN_BODY);
    Map<String, Object> values = approve("2");
    values.put("privateTitle", "A shorter title");
    values.put("privateText", "The nurse explained everything. " + "Edited by the moderator. ".repeat(300));
    values.put("services", "[\"" + serviceId("care-at-home-south-lanarkshire") + "\"]");
    moderated(reference, values);

    Story story = stories.findPublished(reference).orElseThrow();
    assertThat(story.getTitle()).isEqualTo("A shorter title");
    assertThat(story.getBody()).hasSizeGreaterThan(4_000).startsWith("The nurse explained everything.");
    assertThat(story.getServices()).extracting(s -> s.getSlug()).containsExactly("care-at-home-south-lanarkshire");
  }

  @Test
  void rejectedStory_recordsReasonAndTellsAuthorWithTheModeratorsNote() {
    String reference = submit("Rejected story", CLEAN_BODY);
    Map<String, Object> values = decision("reject", "0");
    values.put("rejectionReason", "COMMERCIAL_OR_IRRELEVANT");
    values.put("privateMessageToAuthor", "This reads like an advert for a private clinic.");
    ProcessInstance instance = moderated(reference, values);

    assertThat(instance).hasPassed(SERVICE_TASK_REJECT_STORY, END_STORY_REJECTED)
        .hasNotPassed(SERVICE_TASK_PUBLISH_STORY).isEnded();
    Story story = storyRepository.findByReference(reference).orElseThrow();
    assertThat(story.getStatus()).isEqualTo(StoryStatus.REJECTED);
    assertThat(story.getRejectionReason()).isEqualTo("COMMERCIAL_OR_IRRELEVANT");
    assertThat(stories.findPublished(reference)).isEmpty();
    assertThat(driver.templatesAbout(reference)).contains("story-rejected");
  }

  @Test
  void changesRequested_thenEdited_goesBackThroughScreeningAndIsPublished() {
    String reference = submit("Needs a change", CLEAN_BODY);
    ProcessInstance instance = moderated(reference, requestChanges("Please leave out the name of the ward sister."));

    assertThat(instance).hasPassed(SERVICE_TASK_REQUEST_CHANGES).isWaitingAt(EVENT_GATEWAY_AWAIT_EDIT);
    assertThat(driver.status(reference)).isEqualTo("AWAITING_EDIT");
    String token = driver.tokenFromEmail(reference, "story-changes-requested");

    stories.edit(token, "Changed as asked", CLEAN_BODY + " I have taken out the name.");
    driver.runSavePoints(instance);

    assertThat(instance).hasPassed(EVENT_STORY_EDITED).isWaitingAt(USER_TASK_MODERATE_STORY);
    assertThat(driver.status(reference)).isEqualTo("SUBMITTED");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(TIMER_EDIT_TIME_LIMIT).count()).as("the edit timer is gone").isZero();
    driver.submit(instance, USER_TASK_MODERATE_STORY, "iain", approve("1"));
    assertPublishedAndAwaitingResponses(instance);
    assertThat(stories.findPublished(reference).orElseThrow().getTitle()).isEqualTo("Changed as asked");
  }

  @Test
  void changesRequested_thenNoEditIn14Days_closesAsNotEdited() {
    String reference = submit("Never edited", CLEAN_BODY);
    ProcessInstance instance = moderated(reference, requestChanges("Please tell us which ward this was."));

    driver.fireTimer(instance, TIMER_EDIT_TIME_LIMIT);

    assertThat(instance).hasPassed(SERVICE_TASK_CLOSE_NOT_EDITED, END_CLOSED_NOT_EDITED)
        .hasNotPassed(EVENT_STORY_EDITED).isEnded();
    assertThat(driver.status(reference)).isEqualTo("CLOSED_NOT_EDITED");
    assertThat(driver.templatesAbout(reference)).contains("story-closed-not-edited");
  }

  @Test
  void requestChangesWithoutMessage_andOtherBadDecisions_areRefused() {
    String reference = submit("Bad decisions", CLEAN_BODY);
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    String task = driver.task(instance, USER_TASK_MODERATE_STORY).getId();
    // As Tasklist submits a form: the values are set on the task, then it completes.
    assertThatThrownBy(() -> formService.submitTaskForm(task, Map.of("criticality", "2")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("publish the story, reject it or ask");
    assertThatThrownBy(() -> formService.submitTaskForm(task, Map.of("decision", "reject", "criticality", "2")))
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> formService.submitTaskForm(task, Map.of("decision", "requestChanges", "criticality", "2")))
        .hasMessageContaining("what to change");
    assertThatThrownBy(() -> formService.submitTaskForm(task, Map.of("decision", "approve", "criticality", "9")))
        .hasMessageContaining("0 to 5");
    assertThatThrownBy(() -> formService.submitTaskForm(task, Map.of("decision", "approve", "criticality", "1",
        "tags", "[\"made-up\"]"))).hasMessageContaining("Unknown tag");
    assertThat(instance).isWaitingAt(USER_TASK_MODERATE_STORY);
  }

  @Test
  void safeguardingConcern_alertsTheLead_andPublicationWaitsForPublishDecision() {
    String reference = submit("Worried about my mum", SAFEGUARDING);
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);

    assertThat(instance).hasPassed(SERVICE_TASK_ALERT_SAFEGUARDING_LEAD)
        .isWaitingAt(USER_TASK_MODERATE_STORY, USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    assertThat(instance).variables().containsEntry("urgency", "immediate");
    assertThat(driver.task(instance, USER_TASK_MODERATE_STORY).getPriority()).isEqualTo(90);
    assertThat(driver.templatesAbout(reference)).as("to the safeguarding group, erased with the story").contains("safeguarding-alert");
    assertThat(safeguardingAlertsSince(reference)).isPositive();

    driver.submit(instance, USER_TASK_MODERATE_STORY, "morag", approve("3"));
    assertThat(instance).isWaitingAt(EVENT_SAFEGUARDING_CLEARED, USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    assertThat(stories.findPublished(reference)).isEmpty();

    driver.submit(instance, USER_TASK_REVIEW_SAFEGUARDING_CONCERN, "shona", Map.of("safeguardingDecision", "publish"));
    assertThat(instance).hasPassed(END_SAFEGUARDING_REVIEWED);
    assertPublishedAndAwaitingResponses(instance);
    assertThat(storyRepository.findByReference(reference).orElseThrow().getSafeguardingDecision()).isEqualTo("publish");
  }

  @Test
  void safeguardingDecidedFirst_doesNotDelayPublicationAfterwards() {
    String reference = submit("Decided early", SAFEGUARDING);
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    driver.submit(instance, USER_TASK_REVIEW_SAFEGUARDING_CONCERN, "shona", Map.of("safeguardingDecision", "contactMade"));
    assertThat(instance).isWaitingAt(USER_TASK_MODERATE_STORY);

    driver.submit(instance, USER_TASK_MODERATE_STORY, "morag", approve("3"));

    assertPublishedAndAwaitingResponses(instance);
  }

  @Test
  void safeguardingDoNotPublish_withholdsTheStory() {
    String reference = submit("Withheld", SAFEGUARDING);
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    driver.submit(instance, USER_TASK_MODERATE_STORY, "morag", approve("4"));
    driver.submit(instance, USER_TASK_REVIEW_SAFEGUARDING_CONCERN, "shona", Map.of("safeguardingDecision", "doNotPublish"));

    assertThat(instance).hasPassed(SERVICE_TASK_WITHHOLD_STORY, END_STORY_WITHHELD).hasNotPassed(SERVICE_TASK_PUBLISH_STORY)
        .isEnded();
    Story story = storyRepository.findByReference(reference).orElseThrow();
    assertThat(story.getStatus()).isEqualTo(StoryStatus.REJECTED);
    assertThat(story.getRejectionReason()).isEqualTo("SAFEGUARDING_CONCERN");
  }

  @Test
  void storyWithoutConcern_isNotDelayedBySafeguarding() {
    String reference = submit("No concern", CLEAN_BODY);
    ProcessInstance instance = moderated(reference, approve("0"));
    assertThat(instance).hasNotPassed(SERVICE_TASK_ALERT_SAFEGUARDING_LEAD);
    assertPublishedAndAwaitingResponses(instance);
  }

  @Test
  void identifiersRemain_secondModeratorConfirmsRedactedText() {
    String reference = submit("Names and numbers", WITH_IDENTIFIERS);
    ProcessInstance instance = moderated(reference, approve("0"));

    assertThat(instance).isWaitingAt(USER_TASK_CONFIRM_ANONYMISATION);
    Map<String, Object> form = driver.formVariables(instance, USER_TASK_CONFIRM_ANONYMISATION);
    // Dr Fraser is praised: by the editorial rule the surname goes and the role stays.
    assertThat(form.get("privateText").toString()).contains("the doctor looked after my dad")
        .contains("[phone number removed]").doesNotContain("07700");

    driver.submit(instance, USER_TASK_CONFIRM_ANONYMISATION, "iain", Map.of("anonymisationDecision", "confirm"));

    assertPublishedAndAwaitingResponses(instance);
    String published = stories.findPublished(reference).orElseThrow().getBody();
    assertThat(published).contains("the doctor looked after my dad").doesNotContain("07700").doesNotContain("Fraser");
  }

  @Test
  void sameModerator_cannotClaimOrCompleteTheConfirmation() {
    String reference = submit("Same moderator", WITH_IDENTIFIERS);
    ProcessInstance instance = moderated(reference, approve("0"));
    String task = driver.task(instance, USER_TASK_CONFIRM_ANONYMISATION).getId();

    // A refusal (403 over REST), not a listener failure (500): AuthorizationException, with the reason.
    assertThatThrownBy(() -> taskService.claim(task, "morag")).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("you moderated this story");
    assertThatThrownBy(() -> taskService.setAssignee(task, "morag")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.submit(instance, USER_TASK_CONFIRM_ANONYMISATION, "morag",
        Map.of("anonymisationDecision", "confirm"))).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("you moderated this story");
    assertThat(instance).isWaitingAt(USER_TASK_CONFIRM_ANONYMISATION);
  }

  @Test
  void secondModerator_canReturnTheStoryToModeration() {
    String reference = submit("Back to moderation", WITH_IDENTIFIERS);
    ProcessInstance instance = moderated(reference, approve("0"));
    driver.submit(instance, USER_TASK_CONFIRM_ANONYMISATION, "fiona", Map.of("anonymisationDecision", "returnToModeration"));

    assertThat(instance).isWaitingAt(USER_TASK_MODERATE_STORY);
  }

  @Test
  void moderationReminderAfter24h_andEscalationToLeadsAfter48h() {
    String reference = submit("Waiting too long", CLEAN_BODY);
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    long before = countTemplate("moderation-reminder");

    driver.fireTimer(instance, TIMER_MODERATION_REMINDER);
    assertThat(instance).hasPassed(SERVICE_TASK_REMIND_MODERATORS).isWaitingAt(USER_TASK_MODERATE_STORY);
    assertThat(countTemplate("moderation-reminder") - before).as("one email per moderator").isEqualTo(3);

    driver.fireTimer(instance, TIMER_MODERATION_ESCALATION);
    assertThat(instance).hasPassed(SERVICE_TASK_ESCALATE_MODERATION).isWaitingAt(USER_TASK_MODERATE_STORY);
    assertThat(taskService.getIdentityLinksForTask(driver.task(instance, USER_TASK_MODERATE_STORY).getId()))
        .extracting(IdentityLink::getGroupId).contains("moderators", "moderation-leads");
  }

  @Test
  void withdrawalWhileWaitingForModeration_cancelsTheCaseAndErasesTheStory() {
    String reference = submit("Withdrawn early", CLEAN_BODY);
    SubmittedStory submitted = lastSubmitted;
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);

    stories.withdraw(submitted.trackingToken());
    driver.runSavePoints(instance);

    assertWithdrawn(instance, reference);
  }

  @Test
  void withdrawalWhileWaitingForAnEdit_cancelsTheEditTimer() {
    String reference = submit("Withdrawn while editing", CLEAN_BODY);
    ProcessInstance instance = moderated(reference, requestChanges("Please remove the surname."));
    String token = driver.tokenFromEmail(reference, "story-changes-requested");

    stories.withdraw(token);
    driver.runSavePoints(instance);

    assertWithdrawn(instance, reference);
  }

  @Test
  void withdrawalWhileWaitingForConfirmationAndSafeguarding_cancelsBothTasks() {
    String reference = submit("Withdrawn with two tasks", SAFEGUARDING + " Dr Fraser saw her.");
    SubmittedStory submitted = lastSubmitted;
    ProcessInstance instance = moderated(reference, approve("2"));
    assertThat(instance).isWaitingAt(USER_TASK_CONFIRM_ANONYMISATION, USER_TASK_REVIEW_SAFEGUARDING_CONCERN);

    stories.withdraw(submitted.trackingToken());
    driver.runSavePoints(instance);

    assertWithdrawn(instance, reference);
  }

  @Test
  void withdrawalWhileApprovedButWaitingForTheSafeguardingDecision_cancelsTheWait() {
    String reference = submit("Withdrawn while waiting", SAFEGUARDING);
    SubmittedStory submitted = lastSubmitted;
    ProcessInstance instance = moderated(reference, approve("2"));
    assertThat(instance).isWaitingAt(EVENT_SAFEGUARDING_CLEARED, USER_TASK_REVIEW_SAFEGUARDING_CONCERN);

    stories.withdraw(submitted.trackingToken());
    driver.runSavePoints(instance);

    assertWithdrawn(instance, reference);
    assertThat(instance).hasNotPassed(SERVICE_TASK_PUBLISH_STORY);
  }

  @Test
  void withdrawalAfterPublication_unpublishesAndErases() {
    String reference = submit("Published then withdrawn", CLEAN_BODY);
    SubmittedStory submitted = lastSubmitted;
    moderated(reference, approve("0"));
    assertThat(stories.findPublished(reference)).isPresent();

    stories.withdraw(submitted.trackingToken());

    assertThat(stories.findPublished(reference)).isEmpty();
    assertErased(reference);
  }

  // --- helpers ------------------------------------------------------------------------------

  private SubmittedStory lastSubmitted;

  private String submit(String title, String body) {
    lastSubmitted = testStories.submit(title, body, TestStories.PSEUDONYM, TestStories.EMAIL);
    return lastSubmitted.reference();
  }

  /** Runs the case to the moderation task and submits the moderation form as morag. */
  private ProcessInstance moderated(String reference, Map<String, Object> values) {
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    driver.submit(instance, USER_TASK_MODERATE_STORY, "morag", values);
    return instance;
  }

  private static Map<String, Object> decision(String decision, String criticality) {
    Map<String, Object> values = new HashMap<>();
    values.put("decision", decision);
    values.put("criticality", criticality);
    return values;
  }

  private static Map<String, Object> approve(String criticality) {
    Map<String, Object> values = decision("approve", criticality);
    values.put("tags", "[\"good:kind-staff\",\"felt:reassured\"]");
    return values;
  }

  private static Map<String, Object> requestChanges(String message) {
    Map<String, Object> values = decision("requestChanges", "1");
    values.put("privateMessageToAuthor", message);
    return values;
  }

  /** Published: the story's case now waits for each of its services to respond. */
  private void assertPublishedAndAwaitingResponses(ProcessInstance instance) {
    assertThat(instance).hasPassed(SERVICE_TASK_PUBLISH_STORY).isWaitingAt(CALL_ACTIVITY_AWAIT_SERVICE_RESPONSES);
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
        .as("one service-response case per service").isEqualTo(storyServices(instance));
  }

  private long storyServices(ProcessInstance instance) {
    return stories.serviceIds(runtimeService.getVariable(instance.getId(), "storyId") instanceof Long id ? id : -1L).size();
  }

  private void assertWithdrawn(ProcessInstance instance, String reference) {
    assertThat(instance).hasPassed(START_STORY_WITHDRAWN, SERVICE_TASK_WITHDRAW_STORY, END_STORY_WITHDRAWN).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertErased(reference);
  }

  private void assertErased(String reference) {
    Story story = storyRepository.findByReference(reference).orElseThrow();
    assertThat(story.getStatus()).isEqualTo(StoryStatus.WITHDRAWN);
    assertThat(story.getBody()).isEmpty();
    assertThat(story.getTitle()).isEqualTo(Story.WITHDRAWN_TITLE);
    assertThat(story.getAuthorEmail()).isNull();
    assertThat(story.getAuthorPseudonym()).isNull();
    assertThat(story.getIdentifierFindings()).isNull();
    assertThat(driver.templatesAbout(reference)).as("every email about the story is erased too").isEmpty();
  }

  private long countTemplate(String template) {
    return testStories.countTemplate(template);
  }

  private long safeguardingAlertsSince(String reference) {
    return testStories.countTemplate("safeguarding-alert");
  }

  private String serviceId(String slug) {
    return testStories.serviceId(slug).toString();
  }
}
