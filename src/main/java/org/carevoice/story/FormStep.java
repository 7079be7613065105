package org.carevoice.story;

/**
 * The steps of "Tell your story", in order, each with its page and the validation group of its
 * answers. The tags step is optional: it is complete once the author has been through it.
 */
enum FormStep {
  SERVICE("service", StoryForm.ServiceStep.class),
  WHO_AND_WHEN("who-and-when", StoryForm.WhoAndWhenStep.class),
  WHAT_HAPPENED("what-happened", StoryForm.WhatHappenedStep.class),
  TAGS("what-stood-out", null),
  NAME_AND_EMAIL("name-and-email", StoryForm.NameAndEmailStep.class),
  CHECK_ANSWERS("check-answers", StoryForm.SendStep.class);

  static final String BASE = "/tell-your-story";

  private final String slug;
  private final Class<?> group;

  FormStep(String slug, Class<?> group) {
    this.slug = slug;
    this.group = group;
  }

  /** The step's page, e.g. /tell-your-story/service. */
  String path() {
    return BASE + "/" + slug;
  }

  /** The validation group of the step's answers; null for the optional tags. */
  Class<?> group() {
    return group;
  }

  /** The page before this one: the start page before the first step. */
  String previousPath() {
    return ordinal() == 0 ? BASE : values()[ordinal() - 1].path();
  }

  FormStep next() {
    return values()[Math.min(ordinal() + 1, values().length - 1)];
  }

  boolean isBefore(FormStep other) {
    return ordinal() < other.ordinal();
  }
}
