package org.carevoice.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carevoice.notification.Notifications;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails to staff groups about a story: one email per member, with the reference and links to
 * Tasklist, the staff page of the story, the staff home and the story alerts. Each template says
 * what it carries of the story (the reference only, or the title and a short excerpt of the
 * published text); none carries anything about the author.
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
    return alert(List.of(group), template, reference, Map.of());
  }

  /**
   * Queues the template once to every member of any of the groups (a member of two groups gets
   * one email); returns how many were queued.
   */
  @Transactional
  public int alert(Collection<String> groups, String template, String reference, Map<String, Object> extra) {
    return alert(groups, Set.of(), template, reference, extra);
  }

  /** The members' email addresses of any of these groups, each once. */
  public Set<String> emailsOf(Collection<String> groups) {
    Set<String> emails = new LinkedHashSet<>();
    groups.forEach(group -> emails.addAll(staff.emailsOf(group)));
    return emails;
  }

  /**
   * Queues the template to each of these addresses once, with its own subject arguments (the
   * reference when none are given); returns how many were queued.
   */
  @Transactional
  public int alertAddresses(Collection<String> addresses, String template, String reference, Map<String, Object> extra,
      Object... subjectArguments) {
    Map<String, Object> model = model(reference, extra);
    Object[] subject = subjectArguments.length == 0 ? new Object[] {reference} : subjectArguments;
    Set<String> recipients = new LinkedHashSet<>(addresses);
    for (String email : recipients) {
      notifications.queue(reference, template, email, model, subject);
    }
    return recipients.size();
  }

  private Map<String, Object> model(String reference, Map<String, Object> extra) {
    Map<String, Object> model = new LinkedHashMap<>(extra);
    model.put("reference", reference);
    model.put("tasklistUrl", site.link("/camunda/app/tasklist/default/"));
    model.put("staffStoryUrl", site.link("/staff/stories/" + reference));
    model.put("staffHomeUrl", site.link("/staff"));
    model.put("subscriptionsUrl", site.link("/staff/subscriptions"));
    model.put("staff", true);
    return model;
  }

  /** The same, to the groups' members and some further addresses, each once. */
  @Transactional
  public int alert(Collection<String> groups, Collection<String> alsoTo, String template, String reference,
      Map<String, Object> extra) {
    Map<String, Object> model = model(reference, extra);
    Set<String> recipients = new LinkedHashSet<>();
    groups.forEach(group -> recipients.addAll(staff.emailsOf(group)));
    recipients.addAll(alsoTo);
    for (String email : recipients) {
      // About the story: they may quote its title and excerpt, so withdrawing the story erases them.
      notifications.queue(reference, template, email, model, reference);
    }
    return recipients.size();
  }
}
