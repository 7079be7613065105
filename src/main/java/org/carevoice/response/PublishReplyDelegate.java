package org.carevoice.response;

import static org.carevoice.response.AuthorReplyLifecycle.Vars.REPLY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Publish reply": shown under the response; the responders and the author are emailed. */
@Component("publishReplyDelegate")
public class PublishReplyDelegate implements JavaDelegate {

  private final AuthorReplyService replies;

  PublishReplyDelegate(AuthorReplyService replies) {
    this.replies = replies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    replies.publish(REPLY_ID.get(execution));
  }
}
