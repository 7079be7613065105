package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_SERVICE;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_TITLE;
import static org.carevoice.response.ServiceResponse.Vars.OVERDUE_AT;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_DUE;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StoryService;
import org.carevoice.system.TaskCard;
import org.springframework.stereotype.Component;

/**
 * Prepares "Unanswered story" for the service manager: which story, which service. The task is due
 * when the response was due, so Tasklist shows how late it is ("due 3 days ago"); its follow-up date
 * is when the story will be reported overdue.
 */
@Component("unansweredStoryTaskListener")
public class UnansweredStoryTaskListener implements TaskListener {

  private final StoryService stories;
  private final OrganisationService organisation;

  UnansweredStoryTaskListener(StoryService stories, OrganisationService organisation) {
    this.stories = stories;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      StoryService.PublishedSummary story = stories.publishedSummary(STORY_ID.get(task));
      DISPLAY_TITLE.setLocal(task, story.reference() + ": " + story.title());
      String service = organisation.requireService(SERVICE_ID.get(task)).getFullName();
      DISPLAY_SERVICE.setLocal(task, service);
      TaskCard.show(task, story.reference(), service, TaskCard.Urgency.HIGH, RESPONSE_DUE.get(task));
      task.setFollowUpDate(OVERDUE_AT.get(task));
    }
  }
}
