package org.carevoice.response;

import static org.carevoice.response.ResponseChangeLifecycle.Vars.RESPONSE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Publish change update": the response shows "Change planned" or "Change made". */
@Component("publishChangeDelegate")
public class PublishChangeDelegate implements JavaDelegate {

  private final ResponseService responses;

  PublishChangeDelegate(ResponseService responses) {
    this.responses = responses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    responses.publishChange(RESPONSE_ID.get(execution), ResponseChangeLifecycle.kindOf(execution));
  }
}
