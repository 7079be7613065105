package org.carevoice.identity;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's identity service, reporting the outcome of every password check to the
 * {@link LoginThrottle}. Every door checks passwords here: Carevoice's own sign-in, Camunda's
 * HTTP Basic filter on the REST API and the webapps' sign-in all call
 * {@code IdentityService.checkPassword}, so no door is counted twice or forgotten.
 */
class ReportingIdentityService extends IdentityServiceImpl {

  private final LoginThrottle throttle;

  ReportingIdentityService(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    boolean correct = super.checkPassword(userId, password);
    throttle.passwordChecked(userId, correct);
    return correct;
  }
}
