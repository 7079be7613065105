package org.carevoice.response;

import static org.carevoice.response.ResponseChangeLifecycle.Vars.RESPONSE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Decline change update": the pending update is dropped. */
@Component("declineChangeDelegate")
public class DeclineChangeDelegate implements JavaDelegate {

  private final ResponseService responses;

  DeclineChangeDelegate(ResponseService responses) {
    this.responses = responses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    responses.declineChange(RESPONSE_ID.get(execution));
  }
}
