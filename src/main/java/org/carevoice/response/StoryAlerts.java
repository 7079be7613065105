package org.carevoice.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.organisation.CareService;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The "new story" alert of a service: each person once, told why they get it. The service's
 * responders ("your service", with the link to respond), its managers and the safeguarding lead
 * when the routing decision adds them, and whoever follows the service, its site or its
 * organisation (named, with the link to their alerts: never "your service").
 */
@Component
class StoryAlerts {

  static final String TEMPLATE = "story-alert";

  /** Why someone gets the alert; its ordinal is the subject's choice (messages: email.story-alert.subject). */
  enum Audience {
    TEAM,
    MANAGER,
    SAFEGUARDING,
    FOLLOWING
  }

  private final StaffAlerts alerts;
  private final SubscriptionService subscriptions;
  private final SiteProperties site;

  StoryAlerts(StaffAlerts alerts, SubscriptionService subscriptions, SiteProperties site) {
    this.alerts = alerts;
    this.subscriptions = subscriptions;
    this.site = site;
  }

  /**
   * @param alsoAlert the routing decision's additions: "manager", "safeguarding"
   * @return how many people were emailed
   */
  int published(CareService service, Collection<String> alsoAlert, int criticality, StoryService.PublishedSummary story) {
    Map<String, Audience> audience = new LinkedHashMap<>();
    Map<String, String> followed = new LinkedHashMap<>();
    alerts.emailsOf(List.of(service.getResponderGroup())).forEach(email -> audience.putIfAbsent(email, Audience.TEAM));
    for (String also : alsoAlert) {
      switch (also) {
        case "manager" -> alerts.emailsOf(List.of(service.getManagerGroup()))
            .forEach(email -> audience.putIfAbsent(email, Audience.MANAGER));
        case "safeguarding" -> alerts.emailsOf(List.of(StoryLifecycle.Groups.SAFEGUARDING))
            .forEach(email -> audience.putIfAbsent(email, Audience.SAFEGUARDING));
        default -> throw new IllegalStateException("Unknown routing output " + also);
      }
    }
    subscriptions.published(service, criticality, story).forEach((email, scope) -> {
      if (audience.putIfAbsent(email, Audience.FOLLOWING) == null) {
        followed.put(email, switch (scope) {
          case SERVICE -> service.getFullName();
          case SITE -> service.getSite().getName();
          case ORGANISATION -> service.getSite().getOrganisation().getName();
        });
      }
    });
    // One batch per audience (and, for followers, per thing followed): each batch shares its wording.
    Map<String, List<String>> batches = new LinkedHashMap<>();
    audience.forEach((email, who) -> batches.computeIfAbsent(who.name() + "\n" + followed.getOrDefault(email, ""),
        key -> new ArrayList<>()).add(email));
    int sent = 0;
    for (Map.Entry<String, List<String>> batch : batches.entrySet()) {
      String[] key = batch.getKey().split("\n", -1);
      Audience who = Audience.valueOf(key[0]);
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("title", story.title());
      model.put("excerpt", story.excerpt());
      model.put("storyUrl", story.storyUrl());
      model.put("service", service.getFullName());
      model.put("audience", who.name());
      model.put("followed", key[1]);
      if (who == Audience.TEAM) {
        model.put("respondUrl", site.link("/staff/stories/" + story.reference() + "/respond"));
      }
      sent += alerts.alertAddresses(batch.getValue(), TEMPLATE, story.reference(), model, story.reference(), who.ordinal());
    }
    return sent;
  }
}
