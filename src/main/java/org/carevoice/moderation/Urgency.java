package org.carevoice.moderation;

import org.carevoice.system.TaskCard;

/**
 * The outputs of the story-urgency decision (processes/story-urgency.dmn), and what each shows on
 * the moderation task's card: an immediate story is a safeguarding one.
 */
enum Urgency {
  IMMEDIATE(TaskCard.Urgency.SAFEGUARDING),
  HIGH(TaskCard.Urgency.HIGH),
  ROUTINE(TaskCard.Urgency.ROUTINE);

  private final TaskCard.Urgency card;

  Urgency(TaskCard.Urgency card) {
    this.card = card;
  }

  TaskCard.Urgency card() {
    return card;
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
