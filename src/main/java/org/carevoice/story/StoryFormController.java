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
import java.util.stream.Stream;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.RateLimitExceededException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The story form, whoever tells the story: a page per question (answers kept in the session, see
 * {@link StoryDraft}), check your answers, and the page with the reference and private link. Every
 * page works without JavaScript. A step reached before the earlier ones are answered sends the
 * teller to the first unanswered one. The {@link StoryFlow} of the subclass says where the pages
 * are, which steps they ask and in whose words; the subclass says how a story is counted against
 * the rate limits and how it is submitted: {@link TellStoryController} (the author, on the public
 * site) and {@link StaffStoryEntryController} (staff, for a story taken by phone or on paper).
 */
abstract class StoryFormController {

  /** Longest service search that is looked at; the rest is ignored. */
  static final int MAX_SEARCH = 100;
  private static final String FORM = "storyForm";
  /** The fields in the order the pages show them. */
  private static final List<String> FIELD_ORDER = List.of("channel", "serviceId", "relationship", "happenedMonth",
      "happenedYear", "body", "title", "tags", "pseudonym", "email", "consent");

  private final StoryFlow flow;
  private final StoryService stories;
  private final OrganisationService organisation;
  private final SpringValidatorAdapter validator;
  private final Clock clock;

  StoryFormController(StoryFlow flow, StoryService stories, OrganisationService organisation, Validator validator,
      Clock clock) {
    this.flow = flow;
    this.stories = stories;
    this.organisation = organisation;
    this.validator = new SpringValidatorAdapter(validator);
    this.clock = clock;
  }

  /** Every page knows its flow: addresses, and the words for author or staff. */
  @ModelAttribute("flow")
  StoryFlow flow() {
    return flow;
  }

  /** Counts one story against the rate limits, before it is submitted. */
  abstract void countSubmission(HttpServletRequest request, StoryForm answers);

  /** Submits the answered story through the story service. */
  abstract SubmittedStory submit(StoryService stories, StoryForm answers, HttpServletRequest request);

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
    StoryDraft draft = StoryDraft.of(session, flow);
    FormStep missing = firstUnanswered(draft);
    if (missing != FormStep.CHECK_ANSWERS) {
      return "redirect:" + flow.path(missing);
    }
    check(FormStep.CHECK_ANSWERS, form, errors);
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      inPageOrder(form, errors, model);
      return checkAnswersView(draft, form, model);
    }
    try {
      countSubmission(request, draft.answers());
    } catch (RateLimitExceededException e) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
      long minutes = (e.retryAfterSeconds() + 59) / 60;
      model.addAttribute("retryMinutes", minutes);
      model.addAttribute("retryHours", (minutes + 59) / 60);
      return checkAnswersView(draft, form, model);
    }
    draft.take(FormStep.CHECK_ANSWERS, form, session);
    SubmittedStory submitted = submit(stories, draft.answers(), request);
    boolean emailed = draft.answers().getEmail() != null;
    StoryDraft.clear(session, flow);
    // Flash attributes wait in the session for the next page: never in a URL.
    redirect.addFlashAttribute("reference", submitted.reference());
    redirect.addFlashAttribute("trackingUrl", stories.trackingUrl(submitted.trackingToken()));
    redirect.addFlashAttribute("emailed", emailed);
    return "redirect:" + flow.sentPath();
  }

  /**
   * The reference and the author's private link, shown once, right after sending; never stored by
   * a browser or a proxy. Reloaded or bookmarked, it is the start page again.
   */
  String sent(Model model, HttpServletResponse response) {
    if (!model.containsAttribute("reference")) {
      return "redirect:" + flow.base();
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    return "stories/thank-you";
  }

  // --- the work of every step -------------------------------------------------------------

  String show(FormStep step, String change, HttpSession session, Model model) {
    StoryDraft draft = StoryDraft.of(session, flow);
    FormStep missing = firstUnanswered(draft);
    if (flow.isBefore(missing, step)) {
      return "redirect:" + flow.path(missing);
    }
    if (step == FormStep.CHECK_ANSWERS) {
      return checkAnswersView(draft, draft.answers(), model);
    }
    return stepView(step, draft.answers(), isChange(change), model);
  }

  String save(FormStep step, StoryForm form, BindingResult errors, String change, HttpSession session,
      Model model, HttpServletResponse response) {
    StoryDraft draft = StoryDraft.of(session, flow);
    FormStep missing = firstUnanswered(draft);
    if (flow.isBefore(missing, step)) {
      return "redirect:" + flow.path(missing);
    }
    check(step, form, errors);
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      inPageOrder(form, errors, model);
      return stepView(step, form, isChange(change), model);
    }
    draft.take(step, form, session);
    return "redirect:" + flow.path(isChange(change) ? FormStep.CHECK_ANSWERS : flow.next(step));
  }

  /** The step's own checks: its validation group in this flow, then what needs the database or the clock. */
  private void check(FormStep step, StoryForm form, BindingResult errors) {
    Class<?> group = flow.group(step);
    if (group != null) {
      validator.validate(form, errors, group);
    }
    switch (step) {
      case HOW_TAKEN -> {
        if (!errors.hasFieldErrors("channel") && !form.getChannel().isStaffChoice()) {
          errors.rejectValue("channel", "entry.channel.required");
        }
      }
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
      case CHECK_ANSWERS -> {
        // Staff declare that the author agreed, in words of their own (the author's form: bean validation).
        if (flow.staff() && !errors.hasFieldErrors("consent") && !form.isConsent()) {
          errors.rejectValue("consent", "story.form.consent.required");
        }
      }
      default -> {
        // Bean validation covers the step.
      }
    }
  }

  /**
   * The error summary lists the errors in the order of the fields on the page; for staff, in words
   * about the author where the author's own form says "you" ({@link #inFlowWords}).
   */
  private void inPageOrder(StoryForm form, BindingResult errors, Model model) {
    BindingResult ordered = new BeanPropertyBindingResult(form, FORM);
    errors.getFieldErrors().stream()
        .sorted(java.util.Comparator.comparingInt(error -> FIELD_ORDER.indexOf(error.getField())))
        .map(this::inFlowWords)
        .forEach(ordered::addError);
    errors.getGlobalErrors().forEach(ordered::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, ordered);
  }

  /**
   * A field error that looks for its message under the flow's own key first: for staff, {@code
   * entry.story.form.email.invalid} before {@code story.form.email.invalid} (the key of a bean
   * validation message is its template), then the error's own codes and message.
   */
  private FieldError inFlowWords(FieldError error) {
    if (!flow.staff()) {
      return error;
    }
    String template = error.contains(jakarta.validation.ConstraintViolation.class)
        ? error.unwrap(jakarta.validation.ConstraintViolation.class).getMessageTemplate() : null;
    Stream<String> own = template != null && template.startsWith("{") && template.endsWith("}")
        ? Stream.of(template.substring(1, template.length() - 1)) : Stream.empty();
    String[] codes = error.getCodes() == null ? new String[0] : error.getCodes();
    String[] worded = Stream.concat(Stream.concat(own, Stream.of(codes)).map(flow::key), Stream.of(codes))
        .distinct().toArray(String[]::new);
    return new FieldError(error.getObjectName(), error.getField(), error.getRejectedValue(), error.isBindingFailure(),
        worded, error.getArguments(), error.getDefaultMessage());
  }

  /** The first step still to answer, or check your answers when every step is answered. */
  private FormStep firstUnanswered(StoryDraft draft) {
    for (FormStep step : flow.steps()) {
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
    model.addAttribute("backUrl", change ? flow.path(FormStep.CHECK_ANSWERS) : flow.previousPath(step));
    model.addAttribute("action", flow.path(step));
    switch (step) {
      case HOW_TAKEN -> model.addAttribute("channels",
          java.util.Arrays.stream(Channel.values()).filter(Channel::isStaffChoice).toList());
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
    model.addAttribute("backUrl", flow.path(FormStep.NAME_AND_EMAIL));
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
