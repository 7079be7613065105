package org.carevoice.response;

import static org.carevoice.response.AuthorReplyLifecycle.Vars.REPLY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Decline reply": not published; the author is told. */
@Component("declineReplyDelegate")
public class DeclineReplyDelegate implements JavaDelegate {

  private final AuthorReplyService replies;

  DeclineReplyDelegate(AuthorReplyService replies) {
    this.replies = replies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    replies.decline(REPLY_ID.get(execution));
  }
}
