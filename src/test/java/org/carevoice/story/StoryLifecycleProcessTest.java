package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.carevoice.story.StoryLifecycle.Elements.END_STORY_PUBLISHED;
import static org.carevoice.story.StoryLifecycle.Elements.END_STORY_REJECTED;
import static org.carevoice.story.StoryLifecycle.Elements.SERVICE_TASK_PUBLISH_STORY;
import static org.carevoice.story.StoryLifecycle.Elements.SERVICE_TASK_REJECT_STORY;
import static org.carevoice.story.StoryLifecycle.Elements.START_STORY_SUBMITTED;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_MODERATE_STORY;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The story-lifecycle model, one test per path, driven through the engine with the real delegates. */
@CarevoiceTest
class StoryLifecycleProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired StoryService stories;
  @Autowired StoryRepository storyRepository;
  @Autowired TestStories testStories;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void submittedStory_waitsAtSavePointThenForAModerator() {
    SubmittedStory submitted = testStories.submit("Waiting for a moderator");
    ProcessInstance instance = instanceOf(submitted);

    assertThat(instance).isWaitingAt(START_STORY_SUBMITTED);
    execute(job(instance));
    assertThat(instance).isWaitingAt(USER_TASK_MODERATE_STORY);
    assertThat(task(instance)).hasCandidateGroup(StoryLifecycle.Groups.MODERATORS);
    assertThat(storyRepository.findByReference(submitted.reference()).orElseThrow().getStatus())
        .isEqualTo(StoryStatus.SUBMITTED);
  }

  @Test
  void moderationTask_showsTheStoryToTheModerator() {
    SubmittedStory submitted = testStories.submit("Shown to the moderator");
    ProcessInstance instance = instanceOf(submitted);
    execute(job(instance));

    Map<String, Object> formVariables = formService().getTaskFormVariables(task(instance).getId());
    assertThat(formVariables).containsEntry("displayTitle", "Shown to the moderator");
    assertThat(formVariables.get("displayText").toString()).contains(TestStories.BODY.substring(0, 40));
    assertThat(formVariables.get("displayServices").toString()).contains("Emergency Department");
  }

  @Test
  void approvedStory_isPublishedAndAuthorEmailed() {
    SubmittedStory submitted = testStories.submit("Approved story");
    ProcessInstance instance = instanceOf(submitted);
    execute(job(instance));

    taskService().complete(task(instance).getId(), Map.of("decision", "approve", "criticality", "1"));
    assertThat(instance).isWaitingAt(SERVICE_TASK_PUBLISH_STORY);
    execute(job(instance));

    assertThat(instance).hasPassedInOrder(START_STORY_SUBMITTED, USER_TASK_MODERATE_STORY,
        SERVICE_TASK_PUBLISH_STORY, END_STORY_PUBLISHED).hasNotPassed(SERVICE_TASK_REJECT_STORY).isEnded();
    Story story = storyRepository.findByReference(submitted.reference()).orElseThrow();
    assertThat(story.getStatus()).isEqualTo(StoryStatus.PUBLISHED);
    assertThat(story.getCriticality()).isEqualTo(1);
    assertThat(story.getPublishedAt()).isNotNull();
    assertThat(testStories.outboxTemplatesFor(TestStories.EMAIL)).contains("story-received", "story-published");
  }

  @Test
  void rejectedStory_recordsReasonAndTellsAuthor() {
    SubmittedStory submitted = testStories.submit("Rejected story");
    ProcessInstance instance = instanceOf(submitted);
    execute(job(instance));

    taskService().complete(task(instance).getId(),
        Map.of("decision", "reject", "criticality", "0", "rejectionReason", "COMMERCIAL_OR_IRRELEVANT"));
    execute(job(instance));

    assertThat(instance).hasPassed(SERVICE_TASK_REJECT_STORY).hasNotPassed(SERVICE_TASK_PUBLISH_STORY)
        .isEnded();
    assertThat(instance).hasPassed(END_STORY_REJECTED);
    Story story = storyRepository.findByReference(submitted.reference()).orElseThrow();
    assertThat(story.getStatus()).isEqualTo(StoryStatus.REJECTED);
    assertThat(story.getRejectionReason()).isEqualTo("COMMERCIAL_OR_IRRELEVANT");
    assertThat(stories.findPublished(submitted.reference())).isEmpty();
    assertThat(testStories.outboxTemplatesFor(TestStories.EMAIL)).contains("story-rejected");
  }

  @Test
  void moderationWithoutDecision_isRefusedAndTaskStaysOpen() {
    SubmittedStory submitted = testStories.submit("Incomplete decision");
    ProcessInstance instance = instanceOf(submitted);
    execute(job(instance));
    Task task = task(instance);

    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("criticality", "2")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("publish or reject");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("decision", "reject", "criticality", "2")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("decision", "approve", "criticality", "9")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("0 to 5");

    assertThat(instance).isWaitingAt(USER_TASK_MODERATE_STORY);
  }

  @Test
  void displayVariables_areGoneOnceTheTaskIsCompleted() {
    SubmittedStory submitted = testStories.submit("Display variables removed");
    ProcessInstance instance = instanceOf(submitted);
    execute(job(instance));
    taskService().complete(task(instance).getId(), Map.of("decision", "approve", "criticality", "0"));

    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("displayTitle", "displayText",
        "displayServices");
  }

  private ProcessInstance instanceOf(SubmittedStory submitted) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(submitted.reference())
        .singleResult();
  }
}
