package org.carevoice.identity;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's identity service, reporting the outcome of every password check to the
 * {@link LoginThrottle}. Every door checks passwords here: Carevoice's own sign-in, Camunda's
 * HTTP Basic filter on the REST API and the webapps' sign-in all call
 * {@code IdentityService.checkPassword}, and so do the REST API's {@code POST /identity/verify}
 * (any signed-in user may test anyone's password) and a user's password change. A check the
 * throttle refuses answers "wrong" without looking at the password: the sign-in doors have
 * already answered 429 before getting here; the others cannot be used to guess past the throttle.
 */
class ReportingIdentityService extends IdentityServiceImpl {

  private final LoginThrottle throttle;

  ReportingIdentityService(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (throttle.refuses(userId)) {
      return false;
    }
    boolean correct = super.checkPassword(userId, password);
    throttle.passwordChecked(userId, correct);
    return correct;
  }
}
