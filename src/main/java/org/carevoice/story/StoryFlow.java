package org.carevoice.story;

import java.util.List;

/**
 * One way through the story form: who is telling the story, under which address, with which steps,
 * and under which name its answers wait in the session. The author tells their own story at
 * {@code /tell-your-story}; a member of staff enters a story taken by phone or on paper at {@code
 * /staff/stories/new}, with a first step for how it was taken, the email address optional and the
 * consent given as a declaration on the author's behalf. Both go through the same pages, checks and
 * submission ({@link StoryFormController}); a draft of one never shows in the other.
 *
 * @param id names the session's draft, e.g. {@code author}
 * @param base the address of the start page
 * @param steps the steps asked, in order, ending with check your answers
 * @param staff whether a member of staff tells the story for its author
 */
record StoryFlow(String id, String base, List<FormStep> steps, boolean staff) {

  /** Where staff go back to from the first page. */
  static final String STAFF_HOME = "/staff";

  /** Prefix of the message keys that word a page for staff rather than for the author. */
  static final String STAFF_MESSAGES = "entry.";

  static final StoryFlow AUTHOR = new StoryFlow("author", "/tell-your-story", List.of(FormStep.SERVICE,
      FormStep.WHO_AND_WHEN, FormStep.WHAT_HAPPENED, FormStep.TAGS, FormStep.NAME_AND_EMAIL, FormStep.CHECK_ANSWERS),
      false);

  static final StoryFlow STAFF = new StoryFlow("staff", "/staff/stories/new", List.of(FormStep.HOW_TAKEN,
      FormStep.SERVICE, FormStep.WHO_AND_WHEN, FormStep.WHAT_HAPPENED, FormStep.TAGS, FormStep.NAME_AND_EMAIL,
      FormStep.CHECK_ANSWERS), true);

  StoryFlow {
    steps = List.copyOf(steps);
  }

  /**
   * The step's page, e.g. /tell-your-story/service. Staff have no start page of their own: their
   * first question (how the story was taken) is asked on it.
   */
  String path(FormStep step) {
    return staff && step == first() ? base : path(step.slug());
  }

  /** A page of this flow by its last segment, e.g. {@code path('who-and-when')} in a template. */
  public String path(String slug) {
    return base + "/" + slug;
  }

  /** The page after sending: the reference and the private link, shown once. */
  public String sentPath() {
    return path(staff ? "entered" : "thank-you");
  }

  /** The page before this step: the start page before the first step (the staff home before staff's). */
  String previousPath(FormStep step) {
    int index = steps.indexOf(step);
    if (index <= 0) {
      return staff ? STAFF_HOME : base;
    }
    return path(steps.get(index - 1));
  }

  FormStep first() {
    return steps.get(0);
  }

  FormStep next(FormStep step) {
    return steps.get(Math.min(steps.indexOf(step) + 1, steps.size() - 1));
  }

  boolean asks(FormStep step) {
    return steps.contains(step);
  }

  boolean isBefore(FormStep step, FormStep other) {
    return steps.indexOf(step) < steps.indexOf(other);
  }

  /**
   * The validation group of a step's answers in this flow. Staff may leave the author's email
   * address out (the author then gets no emails) and declare the author's consent in their own
   * words, checked by the controller.
   */
  Class<?> group(FormStep step) {
    if (staff && step == FormStep.NAME_AND_EMAIL) {
      return StoryForm.ContactStep.class;
    }
    if (staff && step == FormStep.CHECK_ANSWERS) {
      return null;
    }
    return step.group();
  }

  /**
   * The message key for this flow: for staff, the same key under {@value #STAFF_MESSAGES} (which
   * must exist), so "Who are you in this story?" becomes "Who is the author in this story?".
   * Templates call it where the staff wording differs: {@code #{${flow.key('tell.who.heading')}}}.
   */
  public String key(String key) {
    return staff ? STAFF_MESSAGES + key : key;
  }

  /** Whether the author's email address must be given: on the author's own form only. */
  public boolean isEmailRequired() {
    return !staff;
  }
}
