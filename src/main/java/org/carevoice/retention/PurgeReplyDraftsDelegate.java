package org.carevoice.retention;

import static org.carevoice.retention.DataRetention.Vars.PURGED_REPLY_DRAFTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Purge reply drafts": erases a batch of author replies that moderators declined, once older than the retention policy
 * allows, and records how many rows it erased (a count, the only variable).
 */
@Component("purgeReplyDraftsDelegate")
public class PurgeReplyDraftsDelegate implements JavaDelegate {

  private final Retention retention;

  PurgeReplyDraftsDelegate(Retention retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PURGED_REPLY_DRAFTS.set(execution, retention.purgeReplyDrafts(execution.getProcessInstanceId()));
  }
}
