package org.carevoice.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in page (Spring Security handles the POST): the password form while local accounts
 * are on, and the button that signs in at the organisation's identity provider with single sign-on.
 */
@Controller
class LoginController {

  private final boolean localAccounts;
  private final boolean singleSignOn;
  private final String providerName;
  private final String singleSignOnPath;

  LoginController(@Value("${carevoice.identity.local-accounts:true}") boolean localAccounts,
      @Value("${carevoice.oidc.enabled:false}") boolean singleSignOn,
      @Value("${carevoice.oidc.display-name:your organisation's account}") String providerName,
      @Value("${carevoice.oidc.registration-id:carevoice}") String registrationId) {
    this.localAccounts = localAccounts;
    this.singleSignOn = singleSignOn;
    this.providerName = providerName;
    this.singleSignOnPath = "/oauth2/authorization/" + registrationId;
  }

  /** The longest wait the sign-in throttle asks for, in minutes (docs/security.md). */
  private static final int MAX_WAIT_MINUTES = 60;

  /**
   * @param throttled minutes to wait, when the sign-in throttle refused the last attempt; anything
   *     but a small whole number is ignored (it comes from the address bar)
   */
  @GetMapping("/login")
  String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
    if (throttled != null && throttled.matches("[0-9]{1,2}")) {
      int minutes = Integer.parseInt(throttled);
      model.addAttribute("waitMinutes", Math.max(1, Math.min(minutes, MAX_WAIT_MINUTES)));
    }
    model.addAttribute("localAccounts", localAccounts);
    if (singleSignOn) {
      model.addAttribute("providerName", providerName);
      model.addAttribute("singleSignOnPath", singleSignOnPath);
    }
    return "login";
  }
}
