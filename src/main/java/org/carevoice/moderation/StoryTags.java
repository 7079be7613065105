package org.carevoice.moderation;

import java.util.Set;

/**
 * The tags a moderator can set: what was good, what could be improved, how the author felt. The
 * codes are the values of the moderation form's checklists.
 */
final class StoryTags {

  static final Set<String> ALL = Set.of(
      "good:kind-staff", "good:listened", "good:clear-explanation", "good:quick-treatment", "good:clean",
      "good:well-organised", "improve:waiting-time", "improve:communication", "improve:food", "improve:parking",
      "improve:staff-attitude", "improve:discharge", "improve:appointments", "felt:reassured", "felt:grateful",
      "felt:safe", "felt:anxious", "felt:ignored", "felt:frustrated", "felt:upset");

  private StoryTags() {}
}
