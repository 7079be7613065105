package org.carevoice.story;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.time.Clock;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /staff/stories/new}: a member of staff enters a story its author told by phone or wrote on
 * paper, through the same steps and checks as "Tell your story" ({@link StoryFormController}). The
 * first page asks how it was taken (recorded as the story's channel, and shown to the moderator);
 * the author's email address is optional (without one the author is sent nothing); consent is the
 * staff member's declaration that the author agreed. The last page shows the reference and the
 * author's private link to pass on.
 *
 * <p>Any staff group may ({@link StaffEntryPermission}); a signed-in user in none gets a plain 403
 * page, and nobody signed in is sent to sign in (SecurityConfiguration: /staff/**). Stories are
 * counted per staff user and per author's email address, not per client address: a ward's computers
 * share one address, and a pile of paper forms is entered in one sitting. There is no hidden
 * "robots" field: the teller is signed in.
 */
@Controller
@RequestMapping("/staff/stories/new")
class StaffStoryEntryController extends StoryFormController {

  private final RateLimits rateLimits;
  private final StaffEntryPermission permission;

  StaffStoryEntryController(StoryService stories, OrganisationService organisation, RateLimits rateLimits,
      StaffEntryPermission permission, Validator validator, Clock clock) {
    super(StoryFlow.STAFF, stories, organisation, validator, clock);
    this.rateLimits = rateLimits;
    this.permission = permission;
  }

  /** Runs before every page of the flow, before anything is bound from the request. */
  @ModelAttribute
  void staffOnly(Authentication user) {
    if (!permission.mayEnterStories(user)) {
      throw new NotStaffException();
    }
  }

  @ExceptionHandler(NotStaffException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notStaff() {
    return "staff/enter-not-allowed";
  }

  /** The start page asks the first question: how the story was taken. */
  @GetMapping
  String howTaken(@RequestParam(required = false) String change, HttpSession session, Model model) {
    return show(FormStep.HOW_TAKEN, change, session, model);
  }

  @PostMapping
  String saveHowTaken(@ModelAttribute("storyForm") StoryForm form, BindingResult errors,
      @RequestParam(required = false) String change, HttpSession session, Model model, HttpServletResponse response) {
    return save(FormStep.HOW_TAKEN, form, errors, change, session, model, response);
  }

  @GetMapping("/entered")
  String entered(Model model, HttpServletResponse response) {
    return sent(model, response);
  }

  @Override
  void countSubmission(HttpServletRequest request, StoryForm answers) {
    rateLimits.staffStoryEntry(request.getRemoteUser(), answers.getEmail());
  }

  /** The channel the staff member chose, and who they are. */
  @Override
  SubmittedStory submit(StoryService stories, StoryForm answers, HttpServletRequest request) {
    return stories.submit(answers.toNewStory(answers.getChannel()), request.getRemoteUser());
  }

  /** The signed-in user is in no staff group. */
  static final class NotStaffException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotStaffException() {
      super("Not in a staff group", null, false, false);
    }
  }
}
