package org.carevoice.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.carevoice.notification.Notifications;
import org.carevoice.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the administrators (the members of camunda-admin with an email address, and
 * carevoice.login-throttle.alert.also-to) when a staff user's sign-in sees a burst of wrong
 * passwords, through the outbox. The email names the user and says what to do; neither it nor the
 * log holds a password or the addresses the attempts came from, and the subject names no one.
 */
@Component
class SignInAlerts {

  static final String TEMPLATE = "sign-in-failures";

  private static final Logger LOG = LoggerFactory.getLogger(SignInAlerts.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm")
      .withZone(ZoneId.of("Europe/London"));

  private final IdentityService identity;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final LoginThrottleProperties properties;
  private final SiteProperties site;

  SignInAlerts(IdentityService identity, StaffDirectory staff, Notifications notifications,
      LoginThrottleProperties properties, SiteProperties site) {
    this.identity = identity;
    this.staff = staff;
    this.notifications = notifications;
    this.properties = properties;
    this.site = site;
  }

  @EventListener
  @Transactional
  public void on(SignInFailuresBurst burst) {
    Instant since = burst.since().truncatedTo(ChronoUnit.SECONDS);
    if (identity.createUserQuery().userId(burst.account()).count() == 0) {
      // Guessing at names that are no one's: the throttle slows it, no one needs to act.
      LOG.info("Sign-in failures: {} wrong passwords since {} for a user name that does not exist (ref {})",
          burst.failures(), since, burst.reference());
      return;
    }
    Set<String> recipients = new LinkedHashSet<>(staff.emailsOf(StaffGroups.ADMINS));
    recipients.addAll(properties.alert().alsoTo());
    Map<String, Object> model = Map.of(
        "user", burst.account(),
        "failures", burst.failures(),
        "since", TIME.format(burst.since()),
        "reference", burst.reference(),
        "adminUrl", site.link("/camunda/app/admin/default/#/users"),
        "staff", true);
    for (String to : recipients) {
      notifications.queue(null, TEMPLATE, to, model);
    }
    if (recipients.isEmpty()) {
      LOG.warn("Sign-in failures: {} wrong passwords since {} for one staff user (ref {}); no administrator has an"
          + " email address to tell (set CAREVOICE_SECURITY_ALERTS_TO)", burst.failures(), since, burst.reference());
    } else {
      LOG.warn("Sign-in failures: {} wrong passwords since {} for one staff user (ref {}); {} administrator(s) emailed",
          burst.failures(), since, burst.reference(), recipients.size());
    }
  }
}
