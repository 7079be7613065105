package org.carevoice.moderation;

/**
 * The outputs of the story-urgency decision (processes/story-urgency.dmn), and the Tasklist
 * priority each gives the moderation task.
 */
enum Urgency {
  IMMEDIATE(90),
  HIGH(70),
  ROUTINE(50);

  private final int taskPriority;

  Urgency(int taskPriority) {
    this.taskPriority = taskPriority;
  }

  int taskPriority() {
    return taskPriority;
  }

  /** The urgency named by the decision ("immediate", "high", "routine"); routine when unknown. */
  static Urgency of(String value) {
    for (Urgency urgency : values()) {
      if (urgency.name().equalsIgnoreCase(value)) {
        return urgency;
      }
    }
    return ROUTINE;
  }
}
