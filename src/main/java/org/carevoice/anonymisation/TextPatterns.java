package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding matches of a pattern, trimmed of the separators a pattern may take at its end. */
final class TextPatterns {

  private TextPatterns() {}

  static List<Finding> findAll(String text, Pattern pattern, int group, FindingType type, double confidence,
      Predicate<String> accept) {
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
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

  static int trimEnd(String text, int start, int end) {
    while (end > start && ".,;:-–) \t\n".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }
}
