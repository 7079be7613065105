package org.carevoice.response;

import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Publish response": shown under the story; the author is emailed. */
@Component("publishResponseDelegate")
public class PublishResponseDelegate implements JavaDelegate {

  private final ResponseService responses;
  private final StoryService stories;

  PublishResponseDelegate(ResponseService responses, StoryService stories) {
    this.responses = responses;
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Response response = responses.publish(RESPONSE_ID.get(execution));
    stories.responsePublished(STORY_ID.get(execution), response.getService().getFullName());
  }
}
