package org.carevoice.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives one story's case the way the job executor, Tasklist and the author would: save points
 * run explicitly, timers fire on request, tasks are claimed and their forms submitted as a user.
 */
@TestComponent
public class CaseDriver {

  private static final Pattern TRACKING_LINK = Pattern.compile("/my-story/([A-Za-z0-9_-]{43})");

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  CaseDriver(RuntimeService runtime, ManagementService management, TaskService tasks, FormService forms,
      IdentityService identity, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /** The story's own case (its service cases share the business key). */
  public ProcessInstance instance(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(StoryLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult();
  }

  /** Runs every due save point (async continuation) of the case and its called cases, until none is left. */
  public void runSavePoints(ProcessInstance instance) {
    for (int round = 0; round < 30; round++) {
      List<Job> jobs = caseTree(instance.getId()).stream()
          .flatMap(id -> management.createJobQuery().processInstanceId(id).messages().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Save points keep coming: a loop in the model?");
  }

  /** The case and every case it called (service responses), by process instance id. */
  public List<String> caseTree(String rootId) {
    List<String> ids = new java.util.ArrayList<>(List.of(rootId));
    for (int i = 0; i < ids.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list().forEach(p -> ids.add(p.getId()));
    }
    return ids;
  }

  /** The called service-response cases of a story's case. */
  public List<ProcessInstance> serviceCases(ProcessInstance story) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(story.getId()).list();
  }

  /** Fires the timer on the given element as if its time had come, then runs the save points it leads to. */
  public void fireTimer(ProcessInstance instance, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
    if (timer == null) {
      throw new IllegalStateException("No timer waiting on " + activityId);
    }
    management.executeJob(timer.getId());
    runSavePoints(instance);
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  /** Moderator morag approves the story at this criticality, about these services, as in Tasklist. */
  public void approve(ProcessInstance story, String criticality, List<Long> serviceIds) {
    Map<String, Object> moderation = new HashMap<>();
    moderation.put("decision", "approve");
    moderation.put("criticality", criticality);
    moderation.put("services", "[" + String.join(",", serviceIds.stream().map(id -> "\"" + id + "\"").toList()) + "]");
    submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", moderation);
  }

  public Map<String, Object> formVariables(ProcessInstance instance, String taskKey) {
    return forms.getTaskFormVariables(task(instance, taskKey).getId());
  }

  /** Claims the task and submits its form as this user would in Tasklist, then runs the save points. */
  public void submit(ProcessInstance instance, String taskKey, String user, Map<String, Object> values) {
    Task task = task(instance, taskKey);
    if (task == null) {
      throw new IllegalStateException("No open task " + taskKey);
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
    try {
      tasks.claim(task.getId(), user);
      forms.submitTaskForm(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
    runSavePoints(instance);
  }

  public String status(String reference) {
    return jdbc.queryForObject("select status from story where reference = ?", String.class, reference);
  }

  public List<String> templatesAbout(String reference) {
    return jdbc.queryForList("select template from outbox_message where about = ? order by id", String.class, reference);
  }

  /** The private token in the newest email of this template about the story. */
  public String tokenFromEmail(String reference, String template) {
    String text = jdbc.queryForObject(
        "select text_body from outbox_message where about = ? and template = ? order by id desc limit 1", String.class,
        reference, template);
    Matcher matcher = TRACKING_LINK.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("No private link in the " + template + " email");
    }
    return matcher.group(1);
  }
}
