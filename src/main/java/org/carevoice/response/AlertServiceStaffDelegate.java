package org.carevoice.response;

import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.system.JsonLists;
import org.carevoice.system.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Service task "Alert service staff": the responder group, the groups the routing decision adds
 * (service manager, safeguarding lead) and the instant subscribers, each person once, with the
 * title and a short excerpt of the published, anonymised text; digest subscribers get it in their
 * next daily digest.
 */
@Component("alertServiceStaffDelegate")
public class AlertServiceStaffDelegate implements JavaDelegate {

  private final StoryService stories;
  private final OrganisationService organisation;
  private final StaffAlerts alerts;
  private final SiteProperties site;
  private final SubscriptionService subscriptions;

  AlertServiceStaffDelegate(StoryService stories, OrganisationService organisation, StaffAlerts alerts,
      SiteProperties site, SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
    this.stories = stories;
    this.organisation = organisation;
    this.alerts = alerts;
    this.site = site;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CareService service = organisation.requireService(SERVICE_ID.get(execution));
    Set<String> groups = new LinkedHashSet<>();
    groups.add(service.getResponderGroup());
    for (String also : JsonLists.strings(execution.getVariable(ServiceResponse.Vars.ALSO_ALERT))) {
      groups.add(switch (also) {
        case "manager" -> service.getManagerGroup();
        case "safeguarding" -> StoryLifecycle.Groups.SAFEGUARDING;
        default -> throw new IllegalStateException("Unknown routing output " + also);
      });
    }
    StoryService.PublishedSummary story = stories.publishedSummary(STORY_ID.get(execution));
    int criticality = ServiceResponse.Vars.CRITICALITY.find(execution).orElse(0);
    Set<String> subscribers = subscriptions.published(service, criticality, story);
    alerts.alert(groups, subscribers, "story-alert", story.reference(), Map.of("title", story.title(), "excerpt", story.excerpt(),
        "storyUrl", story.storyUrl(), "service", service.getFullName(),
        "respondUrl", site.link("/staff/stories/" + story.reference() + "/respond")));
  }
}
