package org.carevoice.publication;

import java.security.Principal;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.Story;
import org.carevoice.story.StoryService;
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
 * Celebrating a story: staff share it with a team or a colleague ({@code /staff/stories/{ref}/celebrate})
 * and mark it as recognition, shown on the service's public recognition page.
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
  String form(@PathVariable String reference, Model model) {
    model.addAttribute("story", published(reference));
    model.addAttribute("groups", organisation.allServices().stream().map(CareService::getResponderGroup).distinct().toList());
    return "staff/celebrate";
  }

  @PostMapping("/staff/stories/{reference}/share")
  String share(@PathVariable String reference, @RequestParam(defaultValue = "") String group,
      @RequestParam(defaultValue = "") String colleague, Principal user, RedirectAttributes redirect) {
    Story story = published(reference);
    if (group.isBlank() && colleague.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a team or a colleague to share the story with");
    }
    redirect.addFlashAttribute("shared", celebrations.share(story, user.getName(), group, colleague));
    return "redirect:/staff/stories/" + reference + "/celebrate";
  }

  @PostMapping("/staff/stories/{reference}/recognise")
  String recognise(@PathVariable String reference, Principal user, RedirectAttributes redirect) {
    celebrations.recognise(published(reference), user.getName());
    redirect.addFlashAttribute("recognised", true);
    return "redirect:/staff/stories/" + reference + "/celebrate";
  }

  @GetMapping("/services/{slug}/recognition")
  String recognition(@PathVariable String slug, Model model) {
    CareService service = organisation.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("service", service);
    model.addAttribute("stories", celebrations.recognised(service));
    return "stories/recognition";
  }

  private Story published(String reference) {
    return stories.findPublished(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
