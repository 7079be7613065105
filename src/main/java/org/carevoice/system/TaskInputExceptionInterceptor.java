package org.carevoice.system;

import org.camunda.bpm.engine.ProcessEngineException;
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

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (TaskInputException refusal) {
      throw refusal;
    } catch (ProcessEngineException e) {
      throw TaskInputException.in(e).orElseThrow(() -> e);
    }
  }
}
