package org.carevoice.retention;

import static org.carevoice.retention.DataRetention.Vars.ERASED_STORY_TEXTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Erase ended stories' text": erases a batch of the text of rejected, withdrawn and closed-not-edited stories, with withdrawal's erasure, once older than the retention policy
 * allows, and records how many rows it erased (a count, the only variable).
 */
@Component("eraseStoryTextDelegate")
public class EraseStoryTextDelegate implements JavaDelegate {

  private final Retention retention;

  EraseStoryTextDelegate(Retention retention) {
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ERASED_STORY_TEXTS.set(execution, retention.eraseStoryText(execution.getProcessInstanceId()));
  }
}
