package org.carevoice.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff sign-in page (Spring Security handles the POST). */
@Controller
class LoginController {

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
    return "login";
  }
}
