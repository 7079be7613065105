package org.carevoice.system;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for task-only variables.
 *
 * <p>Some Camunda Forms must show a moderator text written by the author (the story). That text
 * is personal data and must never reach the {@code ACT_HI_*} tables. It is set as a task-local
 * variable whose name starts with {@value #DISPLAY_ONLY_PREFIX}; this level produces no history
 * event for such variables (no {@code ACT_HI_VARINST}, no {@code ACT_HI_DETAIL}), and the variable
 * disappears with the task when the task completes. Form property details (string copies of every
 * submitted field) are not written either: the variable history already holds the decisions.
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
