package org.carevoice.story;

/**
 * The steps of a story being told through the web form, in order, each with its page and the
 * validation group of its answers. Which steps a form asks, and under which address, is the {@link
 * StoryFlow}'s: the author's "Tell your story" starts at {@link #SERVICE}; staff entering a story
 * taken by phone or on paper answer {@link #HOW_TAKEN} first. The tags step is optional: it is
 * complete once it has been seen.
 */
enum FormStep {
  HOW_TAKEN("how-taken", StoryForm.HowTakenStep.class),
  SERVICE("service", StoryForm.ServiceStep.class),
  WHO_AND_WHEN("who-and-when", StoryForm.WhoAndWhenStep.class),
  WHAT_HAPPENED("what-happened", StoryForm.WhatHappenedStep.class),
  TAGS("what-stood-out", null),
  NAME_AND_EMAIL("name-and-email", StoryForm.NameAndEmailStep.class),
  CHECK_ANSWERS("check-answers", StoryForm.SendStep.class);

  private final String slug;
  private final Class<?> group;

  FormStep(String slug, Class<?> group) {
    this.slug = slug;
    this.group = group;
  }

  /** The last segment of the step's address, e.g. {@code service}. */
  String slug() {
    return slug;
  }

  /** The validation group of the step's answers; null for the optional tags. */
  Class<?> group() {
    return group;
  }
}
