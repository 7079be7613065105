package org.carevoice.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carevoice.organisation.CareService;
import org.carevoice.publication.CelebrationService;
import org.carevoice.response.ChangeKind;
import org.carevoice.response.Response;
import org.carevoice.response.ResponseService;
import org.carevoice.response.ServiceCaseProgress;
import org.carevoice.response.ServiceResponseTasks;
import org.carevoice.response.SubscriptionService;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff view of a published story ({@code /staff/stories/{reference}}), for the staff of its
 * services, moderation leads and administrators: the published text with what only staff see
 * (criticality), each service's case, the responses, and every action on the story. Also the
 * change update page ({@code /staff/stories/{reference}/changes}), where the responding teams
 * report a change planned or made by choosing one of their responses.
 */
@Controller
class StaffStoryController {

  private final StoryService stories;
  private final StaffRoles roles;
  private final StaffWork work;
  private final ServiceCaseProgress cases;
  private final ResponseService responses;
  private final ServiceResponseTasks respondTasks;
  private final CelebrationService celebrations;
  private final SubscriptionService subscriptions;

  StaffStoryController(StoryService stories, StaffRoles roles, StaffWork work, ServiceCaseProgress cases,
      ResponseService responses, ServiceResponseTasks respondTasks, CelebrationService celebrations,
      SubscriptionService subscriptions) {
    this.stories = stories;
    this.roles = roles;
    this.work = work;
    this.cases = cases;
    this.responses = responses;
    this.respondTasks = respondTasks;
    this.celebrations = celebrations;
    this.subscriptions = subscriptions;
  }

  /** A service's case of the story as the page shows it, with a Cockpit link for those who may follow it. */
  record CaseView(CareService service, ServiceCaseProgress.ServiceCase state, String cockpitLink) {}

  @GetMapping("/staff/stories/{reference}")
  String show(@PathVariable String reference, Principal user, Model model) {
    Story story = published(reference);
    StaffRoles.Role role = allowed(story, user);
    Map<Long, CareService> services = new LinkedHashMap<>();
    story.getServices().forEach(service -> services.put(service.getId(), service));
    List<CaseView> caseViews = cases.ofStory(story.getId()).stream().map(state -> new CaseView(services.get(state.serviceId()),
        state, state.processInstanceId() != null && work.mayFollowInCockpit(role, state.processInstanceId())
            ? StaffWork.cockpitLink(state.processInstanceId()) : null)).toList();
    List<Response> own = responses.publishedByTeams(story.getId(), role.groups());
    java.util.Set<Long> followed = subscriptions.followedServiceIds(user.getName());
    model.addAttribute("story", story);
    model.addAttribute("role", role);
    model.addAttribute("cases", caseViews);
    model.addAttribute("responses", responses.publishedFor(story.getId()));
    model.addAttribute("respondTask", respondTasks.respondTask(reference, user.getName()).orElse(null));
    model.addAttribute("respondsForStory", story.getServices().stream()
        .anyMatch(service -> role.respondsFor().stream().anyMatch(team -> team.getId().equals(service.getId()))));
    model.addAttribute("changeable", own.stream().anyMatch(Response::acceptsAnyChange));
    model.addAttribute("ownResponses", own);
    model.addAttribute("mayCelebrate", celebrations.mayCelebrate(story, user.getName()));
    model.addAttribute("toFollow", story.getServices().stream().filter(s -> !followed.contains(s.getId()))
        .sorted(java.util.Comparator.comparing(CareService::getFullName)).toList());
    model.addAttribute("seesReports", role.seesReports());
    return "staff/story";
  }

  @GetMapping("/staff/stories/{reference}/changes")
  String changes(@PathVariable String reference, @RequestParam(name = "response", required = false) String chosen,
      Principal user, Model model) {
    Story story = published(reference);
    StaffRoles.Role role = allowed(story, user);
    ChangeForm form = new ChangeForm();
    form.response = chosen;
    return changeView(story, role, form, Map.of(), model);
  }

  @PostMapping("/staff/stories/{reference}/changes")
  String reportChange(@PathVariable String reference, @RequestParam(name = "response", required = false) String responseId,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "description", required = false) String description, Principal user, Model model,
      RedirectAttributes redirect, HttpServletResponse http) {
    Story story = published(reference);
    StaffRoles.Role role = allowed(story, user);
    List<Response> own = responses.publishedByTeams(story.getId(), role.groups());
    ChangeForm form = new ChangeForm();
    form.response = responseId;
    form.kind = kind;
    form.description = description == null ? "" : description;
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Response> response = own.stream().filter(r -> r.getId().toString().equals(responseId)).findFirst();
    Optional<ChangeKind> changeKind = ChangeKind.of(kind);
    if (response.isEmpty()) {
      errors.put("response", "changes.error.response");
    } else if (!response.get().acceptsAnyChange()) {
      errors.put("response", "changes.error.closed");
    }
    if (changeKind.isEmpty()) {
      errors.put("kind", "changes.error.kind");
    } else if (response.isPresent() && response.get().acceptsAnyChange() && !response.get().acceptsChange(changeKind.get())) {
      errors.put("kind", "changes.error.alreadyMade");
    }
    if (form.description.isBlank() || form.description.strip().length() > Response.CHANGE_DESCRIPTION_MAX) {
      errors.put("description", "changes.error.description");
    }
    if (errors.isEmpty()) {
      try {
        responses.reportChange(response.get().getId(), changeKind.get(), form.description);
        redirect.addFlashAttribute("reported", changeKind.get().code());
        return "redirect:/staff/stories/" + reference + "/changes";
      } catch (ResponseService.ChangeNotAcceptedException e) {
        // Someone else reported one in the meantime.
        errors.put("response", "changes.error.closed");
      }
    }
    http.setStatus(HttpStatus.BAD_REQUEST.value());
    return changeView(story, role, form, errors, model);
  }

  /**
   * The old address of the change update ({@code /staff/responses/{id}/change-made}), in emails
   * and bookmarks: the story's change page with that response chosen.
   */
  @GetMapping("/staff/responses/{id}/change-made")
  String oldChangeMade(@PathVariable String id) {
    Response response = parseId(id).flatMap(responses::findPublished)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return "redirect:/staff/stories/" + responses.storyReference(response.getStoryId()) + "/changes?response="
        + response.getId();
  }

  /** What the change form holds (as sent: strings, so a bad value comes back to be corrected). */
  static final class ChangeForm {
    String response;
    String kind;
    String description = "";

    public String getResponse() {
      return response;
    }

    public String getKind() {
      return kind;
    }

    public String getDescription() {
      return description;
    }
  }

  /** A field in error: its id on the page (for the error summary's link) and its message key. */
  record FieldError(String fieldName, String messageKey) {}

  private String changeView(Story story, StaffRoles.Role role, ChangeForm form, Map<String, String> errors, Model model) {
    List<Response> own = responses.publishedByTeams(story.getId(), role.groups());
    model.addAttribute("story", story);
    model.addAttribute("choices", own);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    // The error summary links to the first radio of a group, and to the text box.
    String firstChoice = own.stream().filter(Response::acceptsAnyChange).findFirst()
        .map(r -> "response-" + r.getId()).orElse(null);
    model.addAttribute("errorList", errors.entrySet().stream().map(e -> new FieldError(switch (e.getKey()) {
      case "response" -> firstChoice;
      case "kind" -> "kind-planned";
      default -> e.getKey();
    }, e.getValue())).toList());
    return "staff/changes";
  }

  /** Someone who is not staff of the story's services, a moderation lead or an administrator: a plain 403. */
  @ExceptionHandler(NotAllowedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notAllowed() {
    return "staff/story-not-allowed";
  }

  static class NotAllowedException extends RuntimeException {
    NotAllowedException() {
      super(null, null, false, false);
    }
  }

  private StaffRoles.Role allowed(Story story, Principal user) {
    StaffRoles.Role role = roles.of(user.getName());
    if (!role.mayOpen(story)) {
      throw new NotAllowedException();
    }
    return role;
  }

  private Story published(String reference) {
    return stories.findPublished(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static Optional<Long> parseId(String id) {
    return id.matches("[0-9]{1,18}") ? Optional.of(Long.valueOf(id)) : Optional.empty();
  }
}
