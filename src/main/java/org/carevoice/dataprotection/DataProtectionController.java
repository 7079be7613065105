package org.carevoice.dataprotection;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.StaffGroups;
import org.carevoice.retention.Retention;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /staff/data-protection}: the data-protection officer's pages. Find what is held about an
 * email address, export it (subject access), erase it (right to erasure, with a confirmation
 * step), read the access log and the retention runs. The address travels only in POST bodies,
 * never in a URL. The {@code data-protection} group and administrators only; everyone else 403.
 */
@Controller
@RequestMapping(DataProtectionController.PAGE)
class DataProtectionController {

  static final String PAGE = "/staff/data-protection";
  /** Access-log lines and retention runs shown. */
  static final int ROWS = 200;
  private static final int EMAIL_MAX = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final DataProtection dataProtection;
  private final Retention retention;
  private final StaffDirectory staff;

  DataProtectionController(DataProtection dataProtection, Retention retention, StaffDirectory staff) {
    this.dataProtection = dataProtection;
    this.retention = retention;
    this.staff = staff;
  }

  @GetMapping
  String index(Principal user, Model model) {
    requireOfficer(user);
    return form(model);
  }

  @PostMapping("/search")
  String search(@RequestParam(name = "email", required = false) String email, Principal user, Model model,
      HttpServletResponse response) {
    requireOfficer(user);
    if (!valid(email)) {
      return invalid(model, response, email);
    }
    model.addAttribute("email", email.strip());
    model.addAttribute("record", dataProtection.find(email, user.getName()));
    return "staff/data-protection/results";
  }

  @PostMapping("/export")
  ResponseEntity<byte[]> export(@RequestParam(name = "email", required = false) String email, Principal user) {
    requireOfficer(user);
    if (!valid(email)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Enter an email address, like name@example.com");
    }
    byte[] body = dataProtection.export(email, user.getName());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("subject-access-" + LocalDate.now() + ".json").build().toString())
        .body(body);
  }

  /** The confirmation step: what would be erased, and the button that does it. */
  @PostMapping("/erase")
  String confirmErase(@RequestParam(name = "email", required = false) String email, Principal user, Model model,
      HttpServletResponse response) {
    requireOfficer(user);
    if (!valid(email)) {
      return invalid(model, response, email);
    }
    model.addAttribute("email", email.strip());
    model.addAttribute("record", dataProtection.preview(email));
    return "staff/data-protection/erase";
  }

  @PostMapping("/erase/confirmed")
  String erase(@RequestParam(name = "email", required = false) String email,
      @RequestParam(name = "confirm", required = false) String confirm, Principal user, Model model,
      HttpServletResponse response) {
    requireOfficer(user);
    if (!valid(email)) {
      return invalid(model, response, email);
    }
    if (!"yes".equals(confirm)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("email", email.strip());
      model.addAttribute("record", dataProtection.preview(email));
      model.addAttribute("confirmError", true);
      return "staff/data-protection/erase";
    }
    model.addAttribute("erased", dataProtection.erase(email, user.getName()));
    return "staff/data-protection/erased";
  }

  @GetMapping("/access-log")
  String accessLog(Principal user, Model model) {
    requireOfficer(user);
    model.addAttribute("entries", dataProtection.accessLog(ROWS));
    return "staff/data-protection/access-log";
  }

  private String form(Model model) {
    model.addAttribute("policy", retention.policy());
    model.addAttribute("runs", retention.latest(ROWS / 4));
    return "staff/data-protection/index";
  }

  private String invalid(Model model, HttpServletResponse response, String email) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("emailError", true);
    model.addAttribute("emailValue", email == null ? "" : email.length() > EMAIL_MAX ? "" : email);
    return form(model);
  }

  private static boolean valid(String email) {
    return email != null && !email.isBlank() && email.strip().length() <= EMAIL_MAX && EMAIL.matcher(email.strip()).matches();
  }

  private void requireOfficer(Principal user) {
    if (!staff.isMember(user.getName(), StaffGroups.DATA_PROTECTION) && !staff.isMember(user.getName(), StaffGroups.ADMINS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }
}
