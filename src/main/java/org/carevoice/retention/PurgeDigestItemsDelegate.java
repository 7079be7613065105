package org.carevoice.retention;

import static org.carevoice.retention.DataRetention.Vars.PURGED_DIGEST_ITEMS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Purge digest items": erases a batch of the stories listed in sent digests, once older than the retention policy
 * allows, and records how many rows it erased (a count, the only variable).
 */
@Component("purgeDigestItemsDelegate")
public class PurgeDigestItemsDelegate implements JavaDelegate {

  private final Retention retention;

  PurgeDigestItemsDelegate(Retention retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PURGED_DIGEST_ITEMS.set(execution, retention.purgeDigestItems(execution.getProcessInstanceId()));
  }
}
