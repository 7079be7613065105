package org.carevoice.earlywarning;

import java.util.ArrayList;
import java.util.List;
import org.carevoice.story.StoryTags;

/**
 * One thing the daily check measures for each service: a signal, and for the rising share of a
 * "could be improved" tag, which tag. Its code is the element of the process's inner loop: the
 * signal's code, or the tag's code ({@code improve:waiting-time}) for a tag.
 *
 * @param tag the {@code improve:...} tag, or null
 */
public record Check(Signal signal, String tag) {

  public static final String IMPROVE_GROUP = "improve";

  public Check {
    if ((signal == Signal.RISING_IMPROVE_TAG) != (tag != null)) {
      throw new IllegalArgumentException("A tag belongs to the rising-improve-tag signal, and only to it");
    }
  }

  /** Every check, in the order the process runs them. */
  public static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(new Check(Signal.CRITICAL_STORIES, null));
    StoryTags.BY_GROUP.get(IMPROVE_GROUP).forEach(tag -> checks.add(new Check(Signal.RISING_IMPROVE_TAG, tag)));
    checks.add(new Check(Signal.OVERDUE_IN_A_ROW, null));
    return checks;
  }

  public String code() {
    return tag != null ? tag : signal.code();
  }

  public static Check parse(String code) {
    if (code != null && code.startsWith(IMPROVE_GROUP + ":")) {
      if (!StoryTags.isKnown(code)) {
        throw new IllegalArgumentException("No tag '" + code + "'");
      }
      return new Check(Signal.RISING_IMPROVE_TAG, code);
    }
    return new Check(Signal.ofCode(code), null);
  }
}
