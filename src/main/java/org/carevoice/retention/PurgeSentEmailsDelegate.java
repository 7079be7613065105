package org.carevoice.retention;

import static org.carevoice.retention.DataRetention.Vars.PURGED_SENT_EMAILS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Purge sent emails": erases a batch of sent emails in the outbox, once older than the retention policy
 * allows, and records how many rows it erased (a count, the only variable).
 */
@Component("purgeSentEmailsDelegate")
public class PurgeSentEmailsDelegate implements JavaDelegate {

  private final Retention retention;

  PurgeSentEmailsDelegate(Retention retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PURGED_SENT_EMAILS.set(execution, retention.purgeSentEmails(execution.getProcessInstanceId()));
  }
}
