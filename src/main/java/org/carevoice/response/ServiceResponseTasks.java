package org.carevoice.response;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.carevoice.identity.StaffDirectory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.carevoice.system.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * The façade of the service-response process for Carevoice's own staff pages: finds the
 * "Respond to story" task a member of staff may work on, and completes it as that user, exactly as
 * Tasklist would (claim, then submit the form).
 */
@Component
public class ServiceResponseTasks {

  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final StaffDirectory staff;

  ServiceResponseTasks(TaskService tasks, FormService forms, IdentityService identity, StaffDirectory staff) {
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.staff = staff;
  }

  /**
   * An open "Respond to story" task, as staff pages see it. When a moderator returned the team's
   * response, {@code note} is the moderator's note and {@code draft} the response as it was sent.
   */
  public record OpenTask(String id, String assignee, String service, String note, Draft draft) {

    public boolean returned() {
      return note != null && !note.isBlank();
    }
  }

  /** The response as last written, to be edited and sent again. */
  public record Draft(String response, String responderName, String responderRole, String change,
      String changeDescription) {}

  /** The response was not accepted by the process (its own checks refused it). */
  public static class ResponseRefusedException extends RuntimeException {
    ResponseRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The open response task of this story for one of the user's teams. */
  public Optional<OpenTask> respondTask(String reference, String user) {
    return findTask(reference, user).map(task -> {
      VariableMap form = forms.getTaskFormVariables(task.getId());
      Draft draft = new Draft(text(form, ServiceResponse.Vars.PRIVATE_RESPONSE), text(form, ServiceResponse.Vars.PRIVATE_RESPONDER_NAME),
          text(form, ServiceResponse.Vars.PRIVATE_RESPONDER_ROLE), text(form, ServiceResponse.Vars.CHANGE),
          text(form, ServiceResponse.Vars.PRIVATE_CHANGE_DESCRIPTION));
      return new OpenTask(task.getId(), task.getAssignee(), text(form, ServiceResponse.Vars.DISPLAY_SERVICE),
          text(form, ServiceResponse.Vars.DISPLAY_NOTE), draft);
    });
  }

  private static String text(VariableMap form, ProcessVariable<String> variable) {
    Object value = form.get(variable.name());
    return value == null ? null : value.toString();
  }

  private Optional<Task> findTask(String reference, String user) {
    List<String> groups = groupsOf(user);
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY).taskCandidateGroupIn(groups)
        .includeAssignedTasks().list().stream()
        .filter(task -> task.getAssignee() == null || task.getAssignee().equals(user)).findFirst();
  }

  /** Claims the task for the user and submits the response, with the user's own permissions. */
  public void respond(OpenTask task, String user, Map<String, Object> values) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      if (task.assignee() == null) {
        tasks.claim(task.id(), user);
      }
      forms.submitTaskForm(task.id(), values);
    } catch (ProcessEngineException e) {
      throw new ResponseRefusedException(e.getMessage(), e);
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return staff.groupsOf(user);
  }
}
