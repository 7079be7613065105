package org.carevoice.story;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
import org.carevoice.organisation.OrganisationService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Telling a story, and the author's private page. */
@Controller
class StoryController {

  static final int PAGE_SIZE = 10;
  private static final int MAX_PAGE = 10_000;

  private final StoryService stories;
  private final OrganisationService organisation;
  private final Clock clock;

  StoryController(StoryService stories, OrganisationService organisation, Clock clock) {
    this.stories = stories;
    this.organisation = organisation;
    this.clock = clock;
  }

  @GetMapping("/tell-your-story")
  String form(Model model) {
    model.addAttribute("storyForm", new StoryForm());
    return formView(model);
  }

  @PostMapping("/tell-your-story")
  String submit(@Valid @ModelAttribute("storyForm") StoryForm form, BindingResult errors, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    if (!errors.hasFieldErrors("body") && form.isTooManyWords()) {
      errors.rejectValue("body", "story.form.body.tooManyWords", new Object[] {StoryForm.MAX_WORDS}, null);
    }
    YearMonth happened = form.happenedIn();
    if (happened != null && happened.isAfter(YearMonth.now(clock.withZone(StoryService.SCOTLAND)))) {
      errors.rejectValue("happenedYear", "story.form.when.future");
    }
    if (form.getServiceId() != null && organisation.findService(form.getServiceId()).isEmpty()) {
      errors.rejectValue("serviceId", "story.form.service.required");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return formView(model);
    }
    SubmittedStory submitted = stories.submit(form.toNewStory(Channel.WEB));
    redirect.addFlashAttribute("reference", submitted.reference());
    redirect.addFlashAttribute("trackingUrl", stories.trackingUrl(submitted.trackingToken()));
    return "redirect:/tell-your-story/thank-you";
  }

  @GetMapping("/tell-your-story/thank-you")
  String thankYou(Model model) {
    if (!model.containsAttribute("reference")) {
      // Reloaded or bookmarked: the reference is only shown once, right after submitting.
      return "redirect:/tell-your-story";
    }
    return "stories/thank-you";
  }

  @GetMapping("/my-story/{token}")
  String track(@PathVariable String token, Model model) {
    Story story = stories.findByTrackingToken(token).orElseThrow(StoryNotFoundException::new);
    if (!model.containsAttribute("editForm")) {
      model.addAttribute("editForm", EditForm.of(story));
    }
    return trackView(story, token, model);
  }

  @PostMapping("/my-story/{token}/edit")
  String edit(@PathVariable String token, @Valid @ModelAttribute("editForm") EditForm form, BindingResult errors,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Story story = stories.findByTrackingToken(token).orElseThrow(StoryNotFoundException::new);
    if (story.getStatus() != StoryStatus.AWAITING_EDIT) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("notEditable", true);
      return trackView(story, token, model);
    }
    if (!errors.hasFieldErrors("body") && StoryForm.countWords(form.getBody()) > StoryForm.MAX_WORDS) {
      errors.rejectValue("body", "story.form.body.tooManyWords", new Object[] {StoryForm.MAX_WORDS}, null);
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return trackView(story, token, model);
    }
    stories.edit(token, form.getTitle(), form.getBody());
    redirect.addFlashAttribute("edited", true);
    return "redirect:/my-story/" + token;
  }

  @GetMapping("/my-story/{token}/withdraw")
  String confirmWithdrawal(@PathVariable String token, Model model) {
    Story story = stories.findByTrackingToken(token).orElseThrow(StoryNotFoundException::new);
    if (!story.getStatus().isWithdrawable()) {
      return "redirect:/my-story/" + token;
    }
    model.addAttribute("story", story);
    model.addAttribute("token", token);
    return "stories/withdraw";
  }

  @PostMapping("/my-story/{token}/withdraw")
  String withdraw(@PathVariable String token, RedirectAttributes redirect) {
    stories.withdraw(token);
    redirect.addFlashAttribute("withdrawn", true);
    return "redirect:/my-story/" + token;
  }

  private String trackView(Story story, String token, Model model) {
    model.addAttribute("story", story);
    model.addAttribute("token", token);
    model.addAttribute("happened", StoryService.monthOf(story));
    model.addAttribute("maxWords", StoryForm.MAX_WORDS);
    return "stories/track";
  }

  private String formView(Model model) {
    int thisYear = YearMonth.now(clock.withZone(StoryService.SCOTLAND)).getYear();
    List<Integer> years = IntStream.rangeClosed(0, 5).mapToObj(i -> thisYear - i).toList();
    model.addAttribute("servicesBySite", organisation.servicesBySite());
    model.addAttribute("relationships", Relationship.values());
    model.addAttribute("years", years);
    model.addAttribute("maxWords", StoryForm.MAX_WORDS);
    return "stories/form";
  }
}
