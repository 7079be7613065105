package org.carevoice.identity;

/**
 * A task listener's refusal of this user's work on this task, for a reason of who they are (e.g.
 * the moderator who moderated a story may not confirm its anonymisation).
 *
 * <p>The engine wraps whatever a task listener throws in a {@code ProcessEngineException}
 * ("ENGINE-03051 ... invoking the TaskListener"), which engine-rest answers with a 500 and the
 * engine logs at ERROR. {@link WorkAuthorizationPlugin} turns this refusal back into the engine's
 * {@code AuthorizationException}: a 403 with this message, logged at DEBUG like any other refusal.
 */
public class TaskWorkRefusedException extends RuntimeException {

  public TaskWorkRefusedException(String message) {
    super(message);
  }
}
