package org.carevoice.publication;

import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
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
 * Celebrating a story: staff share it with a team or a colleague ({@code /staff/stories/{ref}/celebrate})
 * and mark it as recognition, shown on the service's public recognition page. Only the responders
 * and managers of the services the story is about (and administrators) may; whoever recognised it
 * (or an administrator) may withdraw the recognition.
 */
@Controller
class CelebrationController {

  private final StoryService stories;
  private final CelebrationService celebrations;
  private final OrganisationService organisation;

  CelebrationController(StoryService stories, CelebrationService celebrations, OrganisationService organisation) {
    this.stories = stories;
    this.celebrations = celebrations;
    this.organisation = organisation;
  }

  @GetMapping("/staff/stories/{reference}/celebrate")
  String form(@PathVariable String reference, Principal user, Model model) {
    Story story = celebrated(reference, user);
    model.addAttribute("story", story);
    model.addAttribute("recognition", celebrations.recognitionOf(story, user.getName()));
    model.addAttribute("groups", organisation.allServices().stream().map(CareService::getResponderGroup).distinct().toList());
    return "staff/celebrate";
  }

  @PostMapping("/staff/stories/{reference}/share")
  String share(@PathVariable String reference, @RequestParam(defaultValue = "") String group,
      @RequestParam(defaultValue = "") String colleague, Principal user, RedirectAttributes redirect) {
    Story story = celebrated(reference, user);
    if (group.isBlank() && colleague.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a team or a colleague to share the story with");
    }
    redirect.addFlashAttribute("shared", celebrations.share(story, user.getName(), group, colleague));
    return "redirect:/staff/stories/" + reference + "/celebrate";
  }

  @PostMapping("/staff/stories/{reference}/recognise")
  String recognise(@PathVariable String reference, Principal user, RedirectAttributes redirect) {
    List<CareService> services = celebrations.recognise(celebrated(reference, user), user.getName());
    redirect.addFlashAttribute("recognised", names(services));
    return "redirect:/staff/stories/" + reference + "/celebrate";
  }

  /** Undo: the staff member who recognised the story (or an administrator) takes it off the recognition pages. */
  @PostMapping("/staff/stories/{reference}/recognition/withdraw")
  String withdrawRecognition(@PathVariable String reference, Principal user, RedirectAttributes redirect) {
    Story story = published(reference);
    List<CareService> services = celebrations.withdrawRecognition(story, user.getName());
    if (services.isEmpty()) {
      throw new NotAllowedException();
    }
    redirect.addFlashAttribute("withdrawn", names(services));
    return "redirect:/staff/stories/" + reference + "/celebrate";
  }

  /** Someone who may not celebrate this story: 403 with a plain page that says why. */
  @ExceptionHandler(NotAllowedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notAllowed() {
    return "staff/celebrate-not-allowed";
  }

  @GetMapping("/services/{slug}/recognition")
  String recognition(@PathVariable String slug, Model model) {
    CareService service = organisation.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("service", service);
    model.addAttribute("stories", celebrations.recognised(service));
    return "stories/recognition";
  }

  /** A published story the user may share and recognise (a member of one of its services' teams, or an administrator). */
  private Story celebrated(String reference, Principal user) {
    Story story = published(reference);
    if (!celebrations.mayCelebrate(story, user.getName())) {
      throw new NotAllowedException();
    }
    return story;
  }

  private static String names(List<CareService> services) {
    return services.stream().map(CareService::getFullName).collect(Collectors.joining("; "));
  }

  /** The user is not on the team of any service the story is about. */
  static class NotAllowedException extends RuntimeException {
    NotAllowedException() {
      super(null, null, false, false);
    }
  }

  private Story published(String reference) {
    return stories.findPublished(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
