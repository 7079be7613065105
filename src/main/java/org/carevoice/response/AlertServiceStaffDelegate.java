package org.carevoice.response;

import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StoryService;
import org.carevoice.system.JsonLists;
import org.springframework.stereotype.Component;

/**
 * Service task "Alert service staff": the responder group, the groups the routing decision adds
 * (service manager, safeguarding lead) and the instant subscribers, each person once and told why
 * ({@link StoryAlerts}), with the title and a short excerpt of the published, anonymised text;
 * digest subscribers get it in their next daily digest.
 */
@Component("alertServiceStaffDelegate")
public class AlertServiceStaffDelegate implements JavaDelegate {

  private final StoryService stories;
  private final OrganisationService organisation;
  private final StoryAlerts alerts;

  AlertServiceStaffDelegate(StoryService stories, OrganisationService organisation, StoryAlerts alerts) {
    this.stories = stories;
    this.organisation = organisation;
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.published(organisation.requireService(SERVICE_ID.get(execution)),
        JsonLists.strings(execution.getVariable(ServiceResponse.Vars.ALSO_ALERT)),
        ServiceResponse.Vars.CRITICALITY.find(execution).orElse(0), stories.publishedSummary(STORY_ID.get(execution)));
  }
}
