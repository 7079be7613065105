package org.carevoice.story;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.RateLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Tell your story" on the public site: a start page that says it is not a helpline, then the
 * steps of {@link StoryFormController}. Sending is limited per client address and per email
 * address (instead of a CAPTCHA), and a robot that fills in the hidden field is flagged as spam.
 */
@Controller
@RequestMapping("/tell-your-story")
class TellStoryController extends StoryFormController {

  private final RateLimits rateLimits;

  TellStoryController(StoryService stories, OrganisationService organisation, RateLimits rateLimits,
      Validator validator, Clock clock) {
    super(StoryFlow.AUTHOR, stories, organisation, validator, clock);
    this.rateLimits = rateLimits;
  }

  @GetMapping
  String start() {
    return "stories/tell/start";
  }

  @GetMapping("/thank-you")
  String thankYou(Model model, HttpServletResponse response) {
    return sent(model, response);
  }

  @Override
  void countSubmission(HttpServletRequest request, StoryForm answers) {
    rateLimits.storySubmission(request.getRemoteAddr(), answers.getEmail());
  }

  @Override
  SubmittedStory submit(StoryService stories, StoryForm answers, HttpServletRequest request) {
    return stories.submit(answers.toNewStory(Channel.WEB));
  }
}
