package org.carevoice.story;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.RateLimitExceededException;
import org.carevoice.system.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Tell your story": a start page, one short page per question (answers kept in the session, see
 * {@link StoryDraft}), check your answers, and the confirmation with the reference and private
 * link. Every page works without JavaScript. A step reached before the earlier ones are answered
 * sends the author to the first unanswered one.
 */
@Controller
@RequestMapping(FormStep.BASE)
class TellStoryController {

  /** Longest service search that is looked at; the rest is ignored. */
  static final int MAX_SEARCH = 100;
  private static final String FORM = "storyForm";
  /** The fields in the order the pages show them. */
  private static final List<String> FIELD_ORDER = List.of("serviceId", "relationship", "happenedMonth",
      "happenedYear", "body", "title", "tags", "pseudonym", "email", "consent");

  private final StoryService stories;
  private final OrganisationService organisation;
  private final RateLimits rateLimits;
  private final SpringValidatorAdapter validator;
  private final Clock clock;

  TellStoryController(StoryService stories, OrganisationService organisation, RateLimits rateLimits,
      Validator validator, Clock clock) {
    this.stories = stories;
    this.organisation = organisation;
    this.rateLimits = rateLimits;
    this.validator = new SpringValidatorAdapter(validator);
    this.clock = clock;
  }

  @GetMapping
  String start() {
    return "stories/tell/start";
  }

  // --- the steps ------------------------------------------------------------------------

  @GetMapping("/service")
  String service(@RequestParam(required = false) String q, @RequestParam(required = false) String change,
      HttpSession session, Model model) {
    model.addAttribute("q", q == null ? "" : q.strip());
    return show(FormStep.SERVICE, change, session, model);
  }

  @PostMapping("/service")
  String saveService(@ModelAttribute(FORM) StoryForm form, BindingResult errors,
      @RequestParam(required = false) String change, HttpSession session, Model model, HttpServletResponse response) {
    model.addAttribute("q", "");
    return save(FormStep.SERVICE, form, errors, change, session, model, response);
  }

  @GetMapping("/who-and-when")
  String whoAndWhen(@RequestParam(required = false) String change, HttpSession session, Model model) {
    return show(FormStep.WHO_AND_WHEN, change, session, model);
  }

  @PostMapping("/who-and-when")
  String saveWhoAndWhen(@ModelAttribute(FORM) StoryForm form, BindingResult errors,
      @RequestParam(required = false) String change, HttpSession session, Model model, HttpServletResponse response) {
    return save(FormStep.WHO_AND_WHEN, form, errors, change, session, model, response);
  }

  @GetMapping("/what-happened")
  String whatHappened(@RequestParam(required = false) String change, HttpSession session, Model model) {
    return show(FormStep.WHAT_HAPPENED, change, session, model);
  }

  @PostMapping("/what-happened")
  String saveWhatHappened(@ModelAttribute(FORM) StoryForm form, BindingResult errors,
      @RequestParam(required = false) String change, HttpSession session, Model model, HttpServletResponse response) {
    return save(FormStep.WHAT_HAPPENED, form, errors, change, session, model, response);
  }

  @GetMapping("/what-stood-out")
  String tags(@RequestParam(required = false) String change, HttpSession session, Model model) {
    return show(FormStep.TAGS, change, session, model);
  }

  @PostMapping("/what-stood-out")
  String saveTags(@ModelAttribute(FORM) StoryForm form, BindingResult errors,
      @RequestParam(required = false) String change, HttpSession session, Model model, HttpServletResponse response) {
    return save(FormStep.TAGS, form, errors, change, session, model, response);
  }

  @GetMapping("/name-and-email")
  String nameAndEmail(@RequestParam(required = false) String change, HttpSession session, Model model) {
    return show(FormStep.NAME_AND_EMAIL, change, session, model);
  }

  @PostMapping("/name-and-email")
  String saveNameAndEmail(@ModelAttribute(FORM) StoryForm form, BindingResult errors,
      @RequestParam(required = false) String change, HttpSession session, Model model, HttpServletResponse response) {
    return save(FormStep.NAME_AND_EMAIL, form, errors, change, session, model, response);
  }

  // --- check your answers, send, thank you ----------------------------------------------------

  @GetMapping("/check-answers")
  String checkAnswers(HttpSession session, Model model) {
    return show(FormStep.CHECK_ANSWERS, null, session, model);
  }

  /**
   * Sends the story: consent, then the submission limits (instead of a CAPTCHA). Over a limit the
   * answers stay in the session and the page says when to try again (HTTP 429).
   */
  @PostMapping("/check-answers")
  String send(@ModelAttribute(FORM) StoryForm form, BindingResult errors, HttpSession session, Model model,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    StoryDraft draft = StoryDraft.of(session);
    FormStep missing = firstUnanswered(draft);
    if (missing != FormStep.CHECK_ANSWERS) {
      return "redirect:" + missing.path();
    }
    check(FormStep.CHECK_ANSWERS, form, errors);
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return checkAnswersView(draft, form, model);
    }
    try {
      rateLimits.storySubmission(request.getRemoteAddr(), draft.answers().getEmail());
    } catch (RateLimitExceededException e) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
      long minutes = (e.retryAfterSeconds() + 59) / 60;
      model.addAttribute("retryMinutes", minutes);
      model.addAttribute("retryHours", (minutes + 59) / 60);
      return checkAnswersView(draft, form, model);
    }
    draft.take(FormStep.CHECK_ANSWERS, form, session);
    SubmittedStory submitted = stories.submit(draft.answers().toNewStory(Channel.WEB));
    StoryDraft.clear(session);
    redirect.addFlashAttribute("reference", submitted.reference());
    redirect.addFlashAttribute("trackingUrl", stories.trackingUrl(submitted.trackingToken()));
    return "redirect:" + FormStep.BASE + "/thank-you";
  }

  @GetMapping("/thank-you")
  String thankYou(Model model) {
    if (!model.containsAttribute("reference")) {
      // Reloaded or bookmarked: the reference and private link are shown once, right after sending.
      return "redirect:" + FormStep.BASE;
    }
    return "stories/thank-you";
  }

  // --- the work of every step -------------------------------------------------------------

  private String show(FormStep step, String change, HttpSession session, Model model) {
    StoryDraft draft = StoryDraft.of(session);
    FormStep missing = firstUnanswered(draft);
    if (missing.isBefore(step)) {
      return "redirect:" + missing.path();
    }
    if (step == FormStep.CHECK_ANSWERS) {
      return checkAnswersView(draft, draft.answers(), model);
    }
    return stepView(step, draft.answers(), isChange(change), model);
  }

  private String save(FormStep step, StoryForm form, BindingResult errors, String change, HttpSession session,
      Model model, HttpServletResponse response) {
    StoryDraft draft = StoryDraft.of(session);
    FormStep missing = firstUnanswered(draft);
    if (missing.isBefore(step)) {
      return "redirect:" + missing.path();
    }
    check(step, form, errors);
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      inPageOrder(form, errors, model);
      return stepView(step, form, isChange(change), model);
    }
    draft.take(step, form, session);
    return "redirect:" + (isChange(change) ? FormStep.CHECK_ANSWERS : step.next()).path();
  }

  /** The step's own checks: its validation group, then what needs the database or the clock. */
  private void check(FormStep step, StoryForm form, BindingResult errors) {
    if (step.group() != null) {
      validator.validate(form, errors, step.group());
    }
    switch (step) {
      case SERVICE -> {
        if (!errors.hasFieldErrors("serviceId") && organisation.findService(form.getServiceId()).isEmpty()) {
          errors.rejectValue("serviceId", "story.form.service.required");
        }
      }
      case WHO_AND_WHEN -> {
        YearMonth happened = form.happenedIn();
        if (!errors.hasFieldErrors("happenedYear") && happened != null
            && happened.isAfter(YearMonth.now(clock.withZone(StoryService.SCOTLAND)))) {
          errors.rejectValue("happenedYear", "story.form.when.future");
        }
      }
      case WHAT_HAPPENED -> {
        if (!errors.hasFieldErrors("body") && form.isTooManyWords()) {
          errors.rejectValue("body", "story.form.body.tooManyWords", new Object[] {StoryForm.MAX_WORDS}, null);
        }
      }
      case TAGS -> {
        if (!errors.hasFieldErrors("tags") && form.hasUnknownTags()) {
          errors.rejectValue("tags", "story.form.tags.unknown");
        }
      }
      default -> {
        // Bean validation covers the step.
      }
    }
  }

  /** The error summary lists the errors in the order of the fields on the page. */
  private static void inPageOrder(StoryForm form, BindingResult errors, Model model) {
    BindingResult ordered = new BeanPropertyBindingResult(form, FORM);
    errors.getFieldErrors().stream()
        .sorted(java.util.Comparator.comparingInt(error -> FIELD_ORDER.indexOf(error.getField())))
        .forEach(ordered::addError);
    errors.getGlobalErrors().forEach(ordered::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, ordered);
  }

  /** The first step still to answer, or check your answers when every step is answered. */
  private FormStep firstUnanswered(StoryDraft draft) {
    for (FormStep step : FormStep.values()) {
      if (step == FormStep.CHECK_ANSWERS) {
        return step;
      }
      if (step == FormStep.TAGS) {
        if (!draft.isTagsSeen()) {
          return step;
        }
        continue;
      }
      BindingResult errors = new BeanPropertyBindingResult(draft.answers(), FORM);
      check(step, draft.answers(), errors);
      if (errors.hasErrors()) {
        return step;
      }
    }
    return FormStep.CHECK_ANSWERS;
  }

  private String stepView(FormStep step, StoryForm form, boolean change, Model model) {
    model.addAttribute(FORM, form);
    model.addAttribute("change", change);
    model.addAttribute("backUrl", change ? FormStep.CHECK_ANSWERS.path() : step.previousPath());
    model.addAttribute("action", step.path());
    switch (step) {
      case SERVICE -> {
        List<SiteGroup> groups = siteGroups((String) model.getAttribute("q"));
        model.addAttribute("siteGroups", groups);
        model.addAttribute("matchCount", groups.stream().mapToInt(group -> group.services().size()).sum());
      }
      case WHO_AND_WHEN -> {
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("exampleYear", String.valueOf(YearMonth.now(clock.withZone(StoryService.SCOTLAND)).getYear() - 1));
      }
      case WHAT_HAPPENED -> model.addAttribute("maxWords", StoryForm.MAX_WORDS);
      case TAGS -> model.addAttribute("tagGroups", StoryTags.BY_GROUP);
      default -> {
        // No lists to show.
      }
    }
    return "stories/tell/" + step.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private String checkAnswersView(StoryDraft draft, StoryForm sending, Model model) {
    StoryForm answers = draft.answers();
    model.addAttribute(FORM, sending);
    model.addAttribute("answers", answers);
    model.addAttribute("backUrl", FormStep.NAME_AND_EMAIL.path());
    model.addAttribute("service", organisation.findServices(List.of(answers.getServiceId())).stream()
        .map(CareService::getFullName).findFirst().orElse(""));
    model.addAttribute("happened", answers.happenedIn().atDay(1)
        .format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)));
    Map<String, List<String>> chosen = new java.util.LinkedHashMap<>();
    StoryTags.BY_GROUP.forEach((group, codes) -> {
      List<String> picked = codes.stream().filter(answers.getTags()::contains).toList();
      if (!picked.isEmpty()) {
        chosen.put(group, picked);
      }
    });
    model.addAttribute("chosenTags", chosen);
    return "stories/tell/check-answers";
  }

  /**
   * The services, grouped by site, that have every word of the search in their service, site or
   * organisation name (all of them without a search). The search text also goes into each option
   * for the page's script, which filters as the author types.
   */
  private List<SiteGroup> siteGroups(String q) {
    String query = q == null ? "" : q.strip().toLowerCase(Locale.UK);
    if (query.length() > MAX_SEARCH) {
      query = query.substring(0, MAX_SEARCH);
    }
    List<String> words = query.isEmpty() ? List.of() : Arrays.asList(query.split("\\s+"));
    List<SiteGroup> groups = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<CareService>> site : organisation.servicesBySite().entrySet()) {
      List<ServiceOption> options = new ArrayList<>();
      for (CareService service : site.getValue()) {
        String searchText = (service.getName() + " " + site.getKey()).toLowerCase(Locale.UK);
        if (words.stream().allMatch(searchText::contains)) {
          options.add(new ServiceOption(service.getId(), service.getName(), searchText));
        }
      }
      if (!options.isEmpty()) {
        groups.add(new SiteGroup("site-" + (++index), site.getKey(), options));
      }
    }
    return groups;
  }

  private static boolean isChange(String change) {
    return "true".equals(change);
  }

  /** A site with the services to choose from. */
  record SiteGroup(String id, String label, List<ServiceOption> services) {}

  /** One service in the picker. */
  record ServiceOption(Long id, String name, String searchText) {}
}
