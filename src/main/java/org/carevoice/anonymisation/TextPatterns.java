package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding matches of a pattern, trimmed of the separators a pattern may take at its end. */
final class TextPatterns {

  /** For a pattern of alternatives that each capture their finding: whichever group matched. */
  static final int ANY_GROUP = -1;

  private TextPatterns() {}

  static List<Finding> findAll(String text, Pattern pattern, int groupToTake, FindingType type, double confidence,
      Predicate<String> accept) {
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      int group = groupToTake == ANY_GROUP ? firstMatchedGroup(matcher) : groupToTake;
      if (matcher.group(group) == null) {
        continue;
      }
      int start = matcher.start(group);
      int end = trimEnd(text, start, matcher.end(group));
      String found = text.substring(start, end);
      if (!found.isEmpty() && accept.test(found)) {
        findings.add(new Finding(type, start, end, found, confidence));
      }
    }
    return findings;
  }

  private static int firstMatchedGroup(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return group;
      }
    }
    return 0;
  }

  static int trimEnd(String text, int start, int end) {
    while (end > start && ".,;:-–) \t\n".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }
}
