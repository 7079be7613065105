package org.carevoice.response;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.Organisation;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.organisation.Site;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /staff/subscriptions}: which stories a member of staff hears about, and how. */
@Controller
class SubscriptionController {

  private final SubscriptionService subscriptions;
  private final OrganisationService organisation;

  SubscriptionController(SubscriptionService subscriptions, OrganisationService organisation) {
    this.subscriptions = subscriptions;
    this.organisation = organisation;
  }

  @GetMapping("/staff/subscriptions")
  String list(Principal user, Model model) {
    Map<String, String> scopes = scopes();
    model.addAttribute("subscriptions", subscriptions.of(user.getName()));
    model.addAttribute("scopes", scopes);
    return "staff/subscriptions";
  }

  @PostMapping("/staff/subscriptions")
  String subscribe(Principal user, @RequestParam String scope, @RequestParam(defaultValue = "0") int minCriticality,
      @RequestParam(defaultValue = "INSTANT") Subscription.Delivery delivery, RedirectAttributes redirect) {
    String[] parts = scope.split(":");
    if (parts.length != 2 || !scopes().containsKey(scope) || minCriticality < 0 || minCriticality > 5) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a service, site or organisation from the list");
    }
    subscriptions.subscribe(user.getName(), Subscription.Scope.valueOf(parts[0]), Long.valueOf(parts[1]), minCriticality,
        delivery);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/subscriptions";
  }

  @PostMapping("/staff/subscriptions/{id}/delete")
  String unsubscribe(Principal user, @PathVariable Long id) {
    subscriptions.unsubscribe(user.getName(), id);
    return "redirect:/staff/subscriptions";
  }

  /** "SERVICE:3" -> "Emergency Department, University Hospital Hairmyres", and so on. */
  private Map<String, String> scopes() {
    Map<String, String> scopes = new LinkedHashMap<>();
    for (Organisation org : organisation.allOrganisations()) {
      scopes.put("ORGANISATION:" + org.getId(), "All of " + org.getName());
    }
    for (Site site : organisation.allSites()) {
      scopes.put("SITE:" + site.getId(), "All of " + site.getName());
    }
    for (CareService service : organisation.allServices()) {
      scopes.put("SERVICE:" + service.getId(), service.getFullName());
    }
    return scopes;
  }
}
