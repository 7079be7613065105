package org.carevoice.system;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for task-only variables and the job log of a case's jobs that never failed.
 *
 * <p>Some Camunda Forms must show a moderator text written by the author (the story). That text
 * is personal data and must never reach the {@code ACT_HI_*} tables. It is set as a task-local
 * variable whose name starts with {@value #DISPLAY_ONLY_PREFIX}; this level produces no history
 * event for such variables (no {@code ACT_HI_VARINST}, no {@code ACT_HI_DETAIL}), and the variable
 * disappears with the task when the task completes. Form property details (string copies of every
 * submitted field) are not written either: the variable history already holds the decisions.
 *
 * <p>The job log ({@code ACT_HI_JOB_LOG}) keeps every failure, and the rest of the story of a job
 * that failed (its later success or deletion); of a case's job that never failed, it keeps nothing.
 * Each save point of a case would otherwise write a "created" and a "successful" row, and each timer
 * a "created" and a "deleted" row, which say no more than the activity history already does (when
 * the step started and ended). Jobs of no case (history cleanup, batches) keep their whole log, so
 * an operator still sees when the cleanup ran. Cockpit shows incidents from their own tables, which
 * this level writes in full. See docs/architecture.md, "History, chosen per event".
 */
public class CarevoiceHistoryLevel implements HistoryLevel {

  public static final String NAME = "carevoice-full";

  /** Chosen outside the engine's built-in ids (0 none, 1 activity, 2 audit, 3 full). */
  public static final int ID = 31;

  /** Variables named so are shown in a form and kept out of history. */
  public static final String DISPLAY_ONLY_PREFIX = "display";

  /** Variables named so are entered in a form, copied to our tables, and kept out of history. */
  public static final String PRIVATE_PREFIX = "private";

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      return false;
    }
    if (entity instanceof Job job) {
      return eventType == HistoryEventTypes.JOB_FAIL || job.getProcessInstanceId() == null
          || job.getExceptionMessage() != null;
    }
    String variableName = variableName(entity);
    return variableName == null || !isTaskOnly(variableName);
  }

  /** Whether a variable holds personal data for one task's form, never for history. */
  public static boolean isTaskOnly(String variableName) {
    return variableName.startsWith(DISPLAY_ONLY_PREFIX) || variableName.startsWith(PRIVATE_PREFIX);
  }

  private static String variableName(Object entity) {
    if (entity instanceof VariableInstance variable) {
      return variable.getName();
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return update.getVariableName();
    }
    return null;
  }
}
