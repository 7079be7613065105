package org.carevoice.story;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tags of a story: what was good, what could be improved, how the author felt. Authors choose
 * them when they tell their story, moderators correct them; readers filter by them. The codes are
 * also the values of the moderation form's checklist; the public labels are in
 * messages.properties under {@link #messageKey(String)}.
 */
public final class StoryTags {

  /** The groups in the order the form and the filters show them, each with its tags in order. */
  public static final Map<String, List<String>> BY_GROUP = orderedGroups();

  public static final Set<String> ALL = BY_GROUP.values().stream().flatMap(List::stream)
      .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

  private StoryTags() {}

  public static boolean isKnown(String code) {
    return ALL.contains(code);
  }

  /** "good:kind-staff" -> "tag.good.kind-staff" (a colon cannot be part of a message key). */
  public static String messageKey(String code) {
    return "tag." + code.replace(':', '.');
  }

  private static Map<String, List<String>> orderedGroups() {
    Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    groups.put("good", List.of("good:kind-staff", "good:listened", "good:clear-explanation", "good:quick-treatment",
        "good:clean", "good:well-organised"));
    groups.put("improve", List.of("improve:waiting-time", "improve:communication", "improve:food", "improve:parking",
        "improve:staff-attitude", "improve:discharge", "improve:appointments"));
    groups.put("felt", List.of("felt:reassured", "felt:grateful", "felt:safe", "felt:anxious", "felt:ignored",
        "felt:frustrated", "felt:upset"));
    return java.util.Collections.unmodifiableMap(groups);
  }
}
