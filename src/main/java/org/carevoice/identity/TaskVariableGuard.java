package org.carevoice.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.carevoice.system.TaskRefusals;

/**
 * Through a task, a client writes only the variables that the task's form asks for.
 *
 * <p>Anyone who may work on a task may send variables with it (engine-rest and the webapps' API:
 * {@code complete}, {@code submit-form}, {@code resolve}, {@code bpmnError}, {@code bpmnEscalation},
 * {@code variables} and {@code localVariables} put, post, delete and modify). The engine writes
 * whatever comes, and a task's variables fall through to the process: a moderator could send
 * {@code storyId} (and have the moderation written into another story), {@code moderator}
 * (defeating the second moderator's check) or any routing fact. This plugin places a command
 * interceptor inside the command context, before each of those commands runs:
 *
 * <ul>
 *   <li>the names a command writes or removes are compared with the <b>input fields</b> of the
 *       Camunda Form deployed for that task (the form the engine itself serves for it: same
 *       deployment, the binding of the model; parsed once per form definition);
 *   <li>any other name refuses the whole command with a {@code TaskInputException}, a {@link
 *       BadUserRequestException}: HTTP 400 with a message naming the variables, nothing written,
 *       logged by the engine at DEBUG;
 *   <li>a field the form shows read-only (form-js: {@code disabled}, never submitted by Tasklist; or
 *       {@code readonly}, submitted back unchanged) is dropped from a form submission or completion
 *       and refused in a variable update, so it never reaches the process.
 * </ul>
 *
 * <p>The rule holds for everyone, administrators and Carevoice's own code included: a task
 * changes the case only through its form and its listener's checks. An administrator who must repair
 * a case changes its process variables in Cockpit, which uses the process-instance variable commands
 * (not guarded here; only administrators hold {@code UPDATE} on process instances). A task without
 * a process (a stand-alone task) changes no case and is not checked; a process task without a
 * deployed Camunda Form accepts no variables.
 */
final class TaskVariableGuard extends AbstractProcessEnginePlugin {

  /** How many names a refusal lists, and how long each may be, before it is shortened. */
  static final int NAMES_SHOWN = 10;
  static final int NAME_SHOWN_LENGTH = 60;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Component types of form-js that carry no value of their own, even with a {@code key}. */
  private static final Set<String> UNKEYED = Set.of("button", "text", "html", "image", "separator", "spacer",
      "iframe", "table", "documentPreview", "group", "dynamiclist");

  private final TaskRefusals refusals;
  private final Map<String, FormFields> formsByDefinitionId = new ConcurrentHashMap<>();

  TaskVariableGuard(TaskRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new RefuseVariablesOutsideTheForm()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new RefuseVariablesOutsideTheForm()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }

  /** What a form lets a client write: the keys of its input fields, and the keys it only shows. */
  record FormFields(Set<String> inputs, Set<String> readOnly) {

    static final FormFields NONE = new FormFields(Set.of(), Set.of());

    /**
     * Parsed from a Camunda Form (form-js JSON). A value's variable is the first segment of its path
     * (the key, under the paths of the groups and lists around it). A field is read-only when it is
     * {@code disabled} or {@code readonly} (as a plain {@code true}; a FEEL condition may let the user
     * type, so such a field counts as an input).
     */
    static FormFields parse(JsonNode form) {
      Set<String> inputs = new LinkedHashSet<>();
      Set<String> readOnly = new LinkedHashSet<>();
      collect(form.path("components"), "", inputs, readOnly);
      readOnly.removeAll(inputs);
      return new FormFields(Set.copyOf(inputs), Set.copyOf(readOnly));
    }

    private static void collect(JsonNode components, String path, Set<String> inputs, Set<String> readOnly) {
      for (JsonNode component : components) {
        String type = component.path("type").asText("");
        String key = component.path("key").asText("");
        if (!key.isEmpty() && !UNKEYED.contains(type)) {
          String variable = firstSegment(path.isEmpty() ? key : path);
          boolean shownOnly = component.path("disabled").asBoolean(false) || component.path("readonly").isBoolean()
              && component.path("readonly").asBoolean();
          (shownOnly ? readOnly : inputs).add(variable);
        }
        if (component.has("components")) {
          String nested = component.path("path").asText("");
          collect(component.path("components"), path.isEmpty() ? nested : path + (nested.isEmpty() ? "" : "." + nested),
              inputs, readOnly);
        }
      }
    }

    private static String firstSegment(String path) {
      int dot = path.indexOf('.');
      return dot < 0 ? path : path.substring(0, dot);
    }
  }

  /** The input fields of the form deployed for this task, as the engine serves it to Tasklist. */
  FormFields formOf(TaskEntity task, CommandContext context) {
    TaskFormData form = context.runWithoutAuthorization(new GetTaskFormCmd(task.getId()));
    CamundaFormRef ref = form == null ? null : form.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return FormFields.NONE;
    }
    CamundaFormDefinition definition = context.runWithoutAuthorization(
        new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()));
    if (definition == null) {
      return FormFields.NONE;
    }
    FormFields fields = formsByDefinitionId.get(definition.getId());
    if (fields == null) {
      try (InputStream resource = context.runWithoutAuthorization(
          new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
        fields = FormFields.parse(JSON.readTree(resource));
      } catch (IOException e) {
        throw new BadUserRequestException("The form of this task cannot be read; nothing was changed.");
      }
      formsByDefinitionId.put(definition.getId(), fields);
    }
    return fields;
  }

  /** A command that writes or removes variables through one task, as a client sent it. */
  record TaskWrite(String taskId, Collection<String> names, boolean submission) {

    /** The write this command makes, or null when it writes no variables through a task. */
    static TaskWrite of(Object command) {
      if (command instanceof CompleteTaskCmd) {
        return submission(CommandFields.COMPLETE_TASK_ID.read(command), CommandFields.COMPLETE_VARIABLES.read(command));
      }
      if (command instanceof SubmitTaskFormCmd) {
        return submission(CommandFields.SUBMIT_TASK_ID.read(command), CommandFields.SUBMIT_PROPERTIES.read(command));
      }
      if (command instanceof SetTaskVariablesCmd) {
        return update(CommandFields.VARIABLE_ENTITY_ID.read(command), names(CommandFields.SET_VARIABLES.read(command)));
      }
      if (command instanceof RemoveTaskVariablesCmd) {
        return update(CommandFields.VARIABLE_ENTITY_ID.read(command), names(CommandFields.REMOVE_NAMES.read(command)));
      }
      if (command instanceof PatchTaskVariablesCmd) {
        List<String> names = new ArrayList<>(names(CommandFields.PATCH_VARIABLES.read(command)));
        names.addAll(names(CommandFields.PATCH_DELETIONS.read(command)));
        return update(CommandFields.PATCH_ENTITY_ID.read(command), names);
      }
      if (command instanceof HandleTaskBpmnErrorCmd) {
        return update(CommandFields.ERROR_TASK_ID.read(command), names(CommandFields.ERROR_VARIABLES.read(command)));
      }
      if (command instanceof HandleTaskEscalationCmd) {
        return update(CommandFields.ESCALATION_TASK_ID.read(command),
            names(CommandFields.ESCALATION_VARIABLES.read(command)));
      }
      return null;
    }

    private static TaskWrite submission(Object taskId, Object variables) {
      return taskId instanceof String id ? new TaskWrite(id, names(variables), true) : null;
    }

    private static TaskWrite update(Object taskId, Collection<String> names) {
      return taskId instanceof String id ? new TaskWrite(id, names, false) : null;
    }

    private static Collection<String> names(Object variables) {
      if (variables instanceof Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
      }
      if (variables instanceof Collection<?> names) {
        return names.stream().map(String::valueOf).toList();
      }
      return List.of();
    }
  }

  /** Checks a command before it runs; drops read-only fields from a form submission. */
  final class RefuseVariablesOutsideTheForm extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      TaskWrite write = TaskWrite.of(command);
      if (write != null && !write.names().isEmpty()) {
        check(command, write);
      }
      return next.execute(command);
    }
  }

  private void check(Object command, TaskWrite write) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = context.getTaskManager().findTaskById(write.taskId());
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // the command itself answers "not found"; a stand-alone task changes no case
    }
    FormFields form = formOf(task, context);
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> shownOnly = new LinkedHashSet<>();
    for (String name : write.names()) {
      if (form.readOnly().contains(name)) {
        shownOnly.add(name);
      } else if (!form.inputs().contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw refusals.refusal("task.variables.notInForm", quoted(unknown), unknown.size());
    }
    if (shownOnly.isEmpty()) {
      return;
    }
    if (!write.submission()) {
      throw refusals.refusal("task.variables.readOnly", quoted(shownOnly), shownOnly.size());
    }
    dropFromSubmission(command, shownOnly);
  }

  /** A form submission keeps its input fields only: what the form merely shows is not written back. */
  private static void dropFromSubmission(Object command, Set<String> dropped) {
    CommandFields field = command instanceof SubmitTaskFormCmd ? CommandFields.SUBMIT_PROPERTIES
        : CommandFields.COMPLETE_VARIABLES;
    Map<?, ?> sent = (Map<?, ?>) field.read(command);
    VariableMap kept = Variables.createVariables();
    for (Map.Entry<?, ?> entry : sent.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (!dropped.contains(name)) {
        kept.putValueTyped(name, sent instanceof VariableMap typed ? typed.getValueTyped(name)
            : Variables.untypedValue(entry.getValue()));
      }
    }
    field.write(command, kept);
  }

  /** The names as a refusal shows them: quoted, only letters, digits and {@code _.-}, shortened. */
  static String quoted(Collection<String> names) {
    Map<String, String> shown = new LinkedHashMap<>();
    for (String name : names) {
      String safe = name.replaceAll("[^A-Za-z0-9_.-]", "?");
      shown.putIfAbsent(safe.length() > NAME_SHOWN_LENGTH ? safe.substring(0, NAME_SHOWN_LENGTH) + "…" : safe, name);
    }
    String list = shown.keySet().stream().limit(NAMES_SHOWN).map(name -> "'" + name + "'")
        .collect(Collectors.joining(", "));
    return shown.size() > NAMES_SHOWN ? list + ", …" : list;
  }

  /**
   * The fields that hold a client's task id and variables in the engine's commands. Read once by
   * name: a Camunda upgrade that renames one fails {@code TaskVariableSecurityTest} at build time,
   * and at run time such a command is refused rather than let through unchecked.
   */
  enum CommandFields {
    COMPLETE_TASK_ID(CompleteTaskCmd.class, "taskId"),
    COMPLETE_VARIABLES(CompleteTaskCmd.class, "variables"),
    SUBMIT_TASK_ID(SubmitTaskFormCmd.class, "taskId"),
    SUBMIT_PROPERTIES(SubmitTaskFormCmd.class, "properties"),
    VARIABLE_ENTITY_ID(AbstractVariableCmd.class, "entityId"),
    SET_VARIABLES(AbstractSetVariableCmd.class, "variables"),
    REMOVE_NAMES(AbstractRemoveVariableCmd.class, "variableNames"),
    PATCH_ENTITY_ID(AbstractPatchVariablesCmd.class, "entityId"),
    PATCH_VARIABLES(AbstractPatchVariablesCmd.class, "variables"),
    PATCH_DELETIONS(AbstractPatchVariablesCmd.class, "deletions"),
    ERROR_TASK_ID(HandleTaskBpmnErrorCmd.class, "taskId"),
    ERROR_VARIABLES(HandleTaskBpmnErrorCmd.class, "variables"),
    ESCALATION_TASK_ID(HandleTaskEscalationCmd.class, "taskId"),
    ESCALATION_VARIABLES(HandleTaskEscalationCmd.class, "variables");

    private final EngineCommandField field;

    CommandFields(Class<?> owner, String name) {
      field = new EngineCommandField(owner, name,
          "This engine's " + name() + " cannot be checked against the task's form; refused.");
    }

    boolean present() {
      return field.present();
    }

    Object read(Object command) {
      return field.read(command);
    }

    void write(Object command, Object value) {
      field.write(command, value);
    }
  }
}
