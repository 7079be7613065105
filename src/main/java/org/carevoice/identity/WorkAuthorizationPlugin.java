package org.carevoice.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How the engine checks who may see and work what (the grants themselves: {@link
 * CamundaAccessSetup}; the per-role matrix: docs/security.md, "Who sees what in Tasklist and
 * Cockpit").
 *
 * <ul>
 *   <li><b>Variables have permissions of their own</b> ({@code enforceSpecificVariablePermission}):
 *       reading a task does not let anyone read its variables, where the form's story text is;
 *       that takes {@code READ_TASK_VARIABLE} on the definition or {@code READ_VARIABLE} on the
 *       task, and a case's variables {@code READ_INSTANCE_VARIABLE}.
 *   <li><b>History per case</b> ({@code enableHistoricInstancePermissions}): a manager reads the
 *       history of his own services' cases, not of a whole definition.
 *   <li><b>Work, not edit</b>: the rows written for a candidate group or an assignee grant {@code
 *       TASK_WORK} (claim, complete) rather than {@code UPDATE} (which also lets one re-assign,
 *       re-date and re-prioritise a task).
 *   <li><b>Grants per definition, not per task</b>: {@link DefinitionGrantAuthorizationProvider}.
 *   <li><b>A task is worked by its candidates</b> (or an administrator): {@link
 *       CandidatesOnlyTaskListener}, on every user task, so that a grant on a whole definition does
 *       not let moderators claim the safeguarding leads' review in the same process.
 *   <li><b>A refusal is a 403, not a 500</b>: a {@link TaskWorkRefusedException} thrown by a task
 *       listener reaches the client as the engine's {@link AuthorizationException}.
 * </ul>
 *
 * <p>Set here rather than in application.yaml alone, so that no installation can switch them off by
 * configuration: Carevoice's grants are written for these semantics.
 */
final class WorkAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    configuration.setResourceAuthorizationProvider(new DefinitionGrantAuthorizationProvider());
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new CandidatesOnly());
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new RefusalsAreForbidden()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new RefusalsAreForbidden()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }

  /** Adds {@link CandidatesOnlyTaskListener} to every user task, ahead of the model's own listeners. */
  static final class CandidatesOnly extends AbstractBpmnParseListener {
    private final CandidatesOnlyTaskListener listener = new CandidatesOnlyTaskListener();

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    }
  }

  /**
   * Inside the command context, so the engine sees the {@link AuthorizationException} itself: it
   * rolls back, logs it at DEBUG as it does every refusal, and engine-rest answers 403.
   */
  static final class RefusalsAreForbidden extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        TaskWorkRefusedException refusal = refusalIn(e);
        if (refusal == null) {
          throw e;
        }
        throw new AuthorizationException(refusal.getMessage());
      }
    }

    static TaskWorkRefusedException refusalIn(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof TaskWorkRefusedException refusal) {
          return refusal;
        }
        if (cause.getCause() == cause) {
          return null;
        }
      }
      return null;
    }
  }
}
