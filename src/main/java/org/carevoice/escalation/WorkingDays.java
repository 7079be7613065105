package org.carevoice.escalation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Adds working days to a moment: weekends and the configured public holidays do not count. */
@Component
public class WorkingDays {

  static final ZoneId SCOTLAND = ZoneId.of("Europe/London");

  private final EscalationProperties properties;
  private final Set<java.time.LocalDate> holidays;
  private final Clock clock;

  WorkingDays(EscalationProperties properties, Clock clock) {
    this.properties = properties;
    this.holidays = Set.copyOf(properties.holidays());
    this.clock = clock;
  }

  public Instant now() {
    return Instant.now(clock);
  }

  /** The same time of day, {@code days} working days later (at least one day for any positive number). */
  public Instant plus(Instant start, int days) {
    if (properties.demoWorkingDay() != null) {
      return start.plus(properties.demoWorkingDay().multipliedBy(days));
    }
    ZonedDateTime at = start.atZone(SCOTLAND);
    int added = 0;
    while (added < days) {
      at = at.plusDays(1);
      if (isWorkingDay(at)) {
        added++;
      }
    }
    return at.toInstant();
  }

  boolean isWorkingDay(ZonedDateTime at) {
    DayOfWeek day = at.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(at.toLocalDate());
  }
}
