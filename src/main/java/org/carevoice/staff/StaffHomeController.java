package org.carevoice.staff;

import java.security.Principal;
import java.util.List;
import org.carevoice.organisation.CareService;
import org.carevoice.response.Response;
import org.carevoice.response.ResponseService;
import org.carevoice.response.ServiceCaseProgress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /staff}: where staff land after signing in. For each role, what is waiting (tasks in
 * Tasklist by kind, unanswered stories of their services, stories awaiting their response) and
 * the way to every staff page they may use.
 */
@Controller
class StaffHomeController {

  private final StaffRoles roles;
  private final StaffWork work;
  private final ServiceCaseProgress cases;
  private final ResponseService responses;

  /** How many of the teams' latest responses the home lists, for change updates. */
  static final int LATEST_RESPONSES = 10;

  StaffHomeController(StaffRoles roles, StaffWork work, ServiceCaseProgress cases, ResponseService responses) {
    this.roles = roles;
    this.work = work;
    this.cases = cases;
    this.responses = responses;
  }

  @GetMapping("/staff")
  String home(Principal user, Model model) {
    StaffRoles.Role role = roles.of(user.getName());
    List<CareService> services = role.services();
    model.addAttribute("role", role);
    model.addAttribute("waiting", work.of(role));
    model.addAttribute("services", services);
    model.addAttribute("serviceNames", services.stream()
        .collect(java.util.stream.Collectors.toMap(CareService::getId, CareService::getFullName)));
    model.addAttribute("unanswered", cases.unanswered(services.stream().map(CareService::getId).toList()));
    model.addAttribute("unansweredShown", ServiceCaseProgress.UNANSWERED_SHOWN);
    List<Response> latest = responses.latestOf(services.stream().map(CareService::getId).toList(), LATEST_RESPONSES);
    model.addAttribute("latestResponses", latest);
    model.addAttribute("references", responses.references(latest.stream().map(Response::getStoryId).toList()));
    return "staff/home";
  }
}
