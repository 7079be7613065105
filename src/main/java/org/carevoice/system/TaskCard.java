package org.carevoice.system;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a Tasklist card tells a member of staff about a task without opening it: the story's
 * reference in the task's name, the service(s), the urgency, the priority that sorts the list and
 * the due date. Task listeners call {@link #show} on create.
 *
 * <p>Everything here is non-personal by construction: the public reference, service names from our
 * organisation tree, an urgency code, how a story came (phone, paper). Never the story's title (the author's words, which may hold
 * names until moderation), never text. The card variables are task-local, so each task shows its
 * own services, and they may reach history (they are not {@code display*} or {@code private*}).
 */
public final class TaskCard {

  /** The story's public reference, e.g. CV-2026-000123 (also the business key). */
  public static final ProcessVariable<String> REFERENCE = ProcessVariable.of("cardReference", String.class);
  /** The service or services the task is about, by full name. */
  public static final ProcessVariable<String> SERVICES = ProcessVariable.of("cardServices", String.class);
  /** An {@link Urgency} label: safeguarding, high or routine. */
  public static final ProcessVariable<String> URGENCY = ProcessVariable.of("cardUrgency", String.class);
  /**
   * How a story entered by staff came, e.g. "Taken by phone, entered by staff" (on "Moderate story";
   * absent for a story its author told on the website). Shown read-only in the form as well.
   */
  public static final ProcessVariable<String> CHANNEL = ProcessVariable.of("cardChannel", String.class);

  /** The card variables as Tasklist filters list them: name and the label shown on the card. */
  public static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", REFERENCE.name(), "label", "Reference"),
      Map.of("name", SERVICES.name(), "label", "Service"),
      Map.of("name", URGENCY.name(), "label", "Urgency"),
      Map.of("name", CHANNEL.name(), "label", "How it came"));

  private static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  /** How urgent the work is; the Tasklist priority sorts lists by it (highest first). */
  public enum Urgency {
    SAFEGUARDING(90),
    HIGH(70),
    ROUTINE(50);

    private final int priority;

    Urgency(int priority) {
      this.priority = priority;
    }

    public int priority() {
      return priority;
    }

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private TaskCard() {}

  /**
   * Names the task after its model name and the story's reference ("Moderate story · CV-2026-000123"),
   * puts the card variables on it and sets its priority and due date.
   */
  public static void show(DelegateTask task, String reference, String services, Urgency urgency, Date due) {
    String name = task.getName() == null ? "" : task.getName();
    if (reference != null && !name.endsWith(reference)) {
      task.setName(name + " · " + reference);
    }
    REFERENCE.setLocal(task, reference);
    SERVICES.setLocal(task, services);
    URGENCY.setLocal(task, urgency.label());
    task.setPriority(urgency.priority());
    task.setDueDate(due);
  }

  /** One working day from now: tomorrow at this time, or Monday if that is a weekend day. */
  public static Date nextWorkingDay(Clock clock) {
    LocalDateTime due = LocalDateTime.now(clock.withZone(SCOTLAND)).plusDays(1);
    while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY) {
      due = due.plusDays(1);
    }
    return Date.from(due.atZone(SCOTLAND).toInstant());
  }

  /** A time limit counted in hours, weekends included (safeguarding does not wait for Monday). */
  public static Date within(Clock clock, Duration limit) {
    return Date.from(clock.instant().plus(limit));
  }
}
