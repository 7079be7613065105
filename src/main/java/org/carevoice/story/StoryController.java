package org.carevoice.story;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The author's private page: the story's status, the edit a moderator asked for, withdrawal. */
@Controller
class StoryController {

  private final StoryService stories;

  /** How long after a case ends the private link works (carevoice.retention.author-contact). */
  private final String linkRetention;

  StoryController(StoryService stories,
      @org.springframework.beans.factory.annotation.Value("${carevoice.retention.author-contact:P12M}") String linkRetention) {
    this.stories = stories;
    this.linkRetention = linkRetention;
  }

  /**
   * A private link with no story behind it: mistyped, replaced by a newer one, or erased with the
   * author's email a set time after the case ended (docs/privacy.md). Says so, with a 404.
   */
  @org.springframework.web.bind.annotation.ExceptionHandler(StoryNotFoundException.class)
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NOT_FOUND)
  String linkNotWorking(Model model) {
    java.time.Period period = java.time.Period.parse(linkRetention);
    model.addAttribute("months", period.toTotalMonths());
    return "stories/link-not-working";
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
    model.addAttribute("statusColour", statusColour(story.getStatus()));
    return "stories/track";
  }

  /** The NHS.UK tag colour of a status: blue while in hand, yellow when the author is asked, green or red at the end. */
  static String statusColour(StoryStatus status) {
    return switch (status) {
      case SUBMITTED -> "blue";
      case AWAITING_EDIT -> "yellow";
      case PUBLISHED -> "green";
      case REJECTED -> "red";
      case WITHDRAWN, CLOSED_NOT_EDITED -> "grey";
    };
  }
}
