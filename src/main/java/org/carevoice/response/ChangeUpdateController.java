package org.carevoice.response;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.carevoice.identity.StaffDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/responses/{id}/change-made}: the responding service reports that a change is now
 * made. The update is moderated before the response shows "Change made".
 */
@Controller
class ChangeUpdateController {

  private final ResponseService responses;
  private final StaffDirectory staff;

  ChangeUpdateController(ResponseService responses, StaffDirectory staff) {
    this.responses = responses;
    this.staff = staff;
  }

  @GetMapping("/staff/responses/{id}/change-made")
  String form(@PathVariable Long id, Principal user, Model model) {
    model.addAttribute("response", ownResponse(id, user));
    return "staff/change-made";
  }

  @PostMapping("/staff/responses/{id}/change-made")
  String report(@PathVariable Long id, @RequestParam(defaultValue = "") String description, Principal user, Model model,
      RedirectAttributes redirect, HttpServletResponse http) {
    Response response = ownResponse(id, user);
    if (description.isBlank() || description.length() > Response.CHANGE_DESCRIPTION_MAX) {
      http.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("response", response);
      model.addAttribute("invalid", true);
      return "staff/change-made";
    }
    responses.reportChangeMade(id, description);
    redirect.addFlashAttribute("reported", true);
    return "redirect:/staff/responses/" + id + "/change-made";
  }

  /** A published response of one of the user's teams. */
  private Response ownResponse(Long id, Principal user) {
    Response response = responses.findPublished(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!staff.isMember(user.getName(), response.getService().getResponderGroup())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the responding service can report its changes");
    }
    return response;
  }
}
