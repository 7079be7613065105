package org.carevoice.escalation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holidays public holidays that are not working days (Scotland's, configurable)
 * @param demoWorkingDay when set, one working day lasts this long and weekends are ignored: the
 *     demo uses it to watch reminders and escalations happen in minutes
 */
@ConfigurationProperties("carevoice.escalation")
public record EscalationProperties(List<LocalDate> holidays, Duration demoWorkingDay) {

  public EscalationProperties {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }
}
