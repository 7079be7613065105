package org.carevoice.moderation;

import java.util.Map;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.notification.Notifications;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails to staff groups about a story: one email per member, with the reference and a link to
 * Tasklist, never the story's text.
 */
@Service
public class StaffAlerts {

  private final StaffDirectory staff;
  private final Notifications notifications;
  private final SiteProperties site;

  StaffAlerts(StaffDirectory staff, Notifications notifications, SiteProperties site) {
    this.staff = staff;
    this.notifications = notifications;
    this.site = site;
  }

  /** Queues the template to every member of the group; returns how many were queued. */
  @Transactional
  public int alert(String group, String template, String reference) {
    Map<String, Object> model = Map.of("reference", reference, "tasklistUrl", site.link("/camunda/app/tasklist/default/"),
        "staff", true);
    int queued = 0;
    for (String email : staff.emailsOf(group)) {
      // Staff emails are not "about" the author: they hold no personal data to erase.
      notifications.queue(null, template, email, model, reference);
      queued++;
    }
    return queued;
  }
}
