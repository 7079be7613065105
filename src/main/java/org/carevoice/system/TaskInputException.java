package org.carevoice.system;

import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task listener refused what a person entered in a task's form: a decision not chosen, a text
 * longer than its column. The message is for that person (which field, what is allowed), worded in
 * messages.properties, and never repeats what they typed.
 *
 * <p>It is a {@link BadUserRequestException} so that the engine logs it at DEBUG, not as an error,
 * and the REST API answers 400. The engine wraps whatever a listener throws (ENGINE-03051);
 * {@link TaskInputExceptionInterceptor} and {@link TaskInputExceptionMapper} undo that wrapping.
 */
public class TaskInputException extends BadUserRequestException {

  TaskInputException(String message) {
    super(message);
  }

  /** This exception, if it is the cause, or a cause of the cause, of the given one. */
  static Optional<TaskInputException> in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof TaskInputException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
