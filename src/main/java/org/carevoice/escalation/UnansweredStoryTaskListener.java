package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_SERVICE;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_TITLE;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Prepares "Unanswered story" for the service manager: which story, which service. */
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
      DISPLAY_SERVICE.setLocal(task, organisation.requireService(SERVICE_ID.get(task)).getFullName());
      task.setPriority(80);
    }
  }
}
