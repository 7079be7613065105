package org.carevoice.system;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Unwraps a task listener's refusal. The engine wraps every exception a task listener throws in a
 * plain {@link ProcessEngineException} ("ENGINE-03051 There was an exception while invoking the
 * TaskListener"), which the command context logs at ERROR with a stack trace and the REST API
 * answers with 500. Placed after the command context interceptor, this interceptor sees the
 * exception before the command context does and lets the {@link TaskInputException} itself go on:
 * logged at DEBUG, answered with 400, its message without the engine's prefix.
 */
final class TaskInputExceptionInterceptor extends CommandInterceptor {

  private final TaskRefusals refusals;

  TaskInputExceptionInterceptor(TaskRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (TaskInputException refusal) {
      throw refusal;
    } catch (ProcessEngineException | ProcessVariable.InvalidValueException e) {
      Optional<TaskInputException> refusal = TaskInputException.in(e);
      // In a job (a save point), a value of the wrong kind stays the technical failure it is there:
      // retried, then an incident for an administrator.
      throw (command instanceof ExecuteJobsCmd ? refusal : refusal.or(() -> invalidValue(e))).orElseThrow(() -> e);
    }
  }

  /**
   * A variable the task's listener reads holds a value of the wrong kind (a {@code storyId} that
   * is not a number, written some other way than through the task's form): a refusal naming the
   * variable, not a 500.
   */
  private Optional<TaskInputException> invalidValue(RuntimeException thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ProcessVariable.InvalidValueException invalid) {
        return Optional.of(refusals.refusal("task.variable.notValid", "'" + invalid.variableName() + "'"));
      }
    }
    return Optional.empty();
  }
}
