package org.carevoice.retention;

import static org.carevoice.retention.DataRetention.Vars.ERASED_AUTHOR_CONTACTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Erase authors' contact details": erases a batch of the author's email and the private link's hash, a set time after the story's case ended, once older than the retention policy
 * allows, and records how many rows it erased (a count, the only variable).
 */
@Component("eraseAuthorContactDelegate")
public class EraseAuthorContactDelegate implements JavaDelegate {

  private final Retention retention;

  EraseAuthorContactDelegate(Retention retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ERASED_AUTHOR_CONTACTS.set(execution, retention.eraseAuthorContact(execution.getProcessInstanceId()));
  }
}
