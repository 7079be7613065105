package org.carevoice.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page, which owns "/" (the Camunda webapps live under /camunda). */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
