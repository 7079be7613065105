package org.carevoice.anonymisation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Re-scan moderated text": the same scan, on the text as the moderator left it.
 * Identifiers that remain send the story to a second moderator.
 */
@Component("rescanModeratedTextDelegate")
public class RescanModeratedTextDelegate implements JavaDelegate {

  private final ScanIdentifiersDelegate scan;

  RescanModeratedTextDelegate(ScanIdentifiersDelegate scan) {
    this.scan = scan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    scan.execute(execution);
  }
}
