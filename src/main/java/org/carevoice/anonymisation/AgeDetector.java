package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Ages of 90 and over (issue 13): so few people reach them that, with a ward or a town, they point
 * at one person (HIPAA counts them as identifiers). "a 91-year-old", "93 years old", "aged 94",
 * "my gran is 93", "she turned 90"; not "90 minutes", "Ward 93" or "bed 91".
 */
@Component
class AgeDetector implements IdentifierDetector {

  private static final String AGE = "(?:9\\d|1[01]\\d)";
  private static final String WORD_AGE = "(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
      + "|a\\s+hundred(?:\\s+and\\s+(?:one|two|three|four|five))?)";
  /** "91-year-old", "93 years old", "95 yrs old", "ninety-two year old". */
  private static final Pattern YEARS_OLD = Pattern.compile(
      "\\b(?:" + AGE + "|" + WORD_AGE + ")[ -]?(?:years?|yrs?)[ -]?old\\b", Pattern.CASE_INSENSITIVE);
  /** "aged 94", "is 93", "turned 90", "I am 96", "at the age of 92", unless a unit follows ("is 90 minutes away"). */
  private static final Pattern AFTER_VERB = Pattern.compile(
      "\\b(?:aged|age|is|was|am|turned|turns|reached|reaches|be|being|now|nearly|almost|of\\s+the\\s+age\\s+of"
          + "|at\\s+the\\s+age\\s+of)[ \\t]++(" + AGE + "|" + WORD_AGE + ")\\b(?![.,]\\d)(?![ \\t]*+(?:%|per\\b|percent"
          + "|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|seconds?|secs?|miles?|metres?|meters?|yards?|feet|ft\\b"
          + "|km|kg|kilos?|pounds?|lbs?|stone|grams?|g\\b|mg|ml|mmol|mm|cm|bpm|beats|degrees?|units?|beds?|people|patients"
          + "|staff|times|calls|pence|p\\b|quid|pills|tablets|steps|bus|ward|room|percent|out\\s+of|/|of\\s+them"
          + "|years?(?!\\s+old)|yrs?(?!\\s+old)))",
      Pattern.CASE_INSENSITIVE);

  /** Enough text around a candidate for either pattern: "of the age of" before it, "years old" after it. */
  private static final int WINDOW = 40;

  /**
   * The full patterns run only in a window around each candidate (a number from 90 to 119,
   * "ninety" or "hundred", found by one plain pass over the characters), so an ordinary story
   * costs little more than reading it once.
   */
  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    int covered = -1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int end = -1;
      if (c >= '0' && c <= '9' && (i == 0 || !Character.isDigit(text.charAt(i - 1)))) {
        int j = i;
        while (j < n && j - i < 4 && Character.isDigit(text.charAt(j))) {
          j++;
        }
        if (j - i >= 2 && j - i <= 3 && (j == n || !Character.isDigit(text.charAt(j)))) {
          int value = Integer.parseInt(text, i, j, 10);
          end = value >= 90 && value <= 119 ? j : -1;
        }
      } else if ((c == 'n' || c == 'N') && text.regionMatches(true, i, "ninety", 0, 6)) {
        end = i + 6;
      } else if ((c == 'h' || c == 'H') && text.regionMatches(true, i, "hundred", 0, 7)) {
        end = i + 7;
      }
      if (end < 0 || i < covered) {
        continue;
      }
      int from = Math.max(covered, Math.max(0, i - WINDOW));
      int to = Math.min(n, end + WINDOW);
      find(text, YEARS_OLD, 0, from, to, i, end, 0.86, findings);
      find(text, AFTER_VERB, 1, from, to, i, end, 0.84, findings);
      covered = end;
      i = end - 1;
    }
    return findings;
  }

  /** Findings of a pattern in the window that contain the candidate. */
  private static void find(String text, Pattern pattern, int group, int from, int to, int start, int end, double confidence,
      List<Finding> findings) {
    Matcher m = pattern.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    while (m.find()) {
      if (m.start(group) <= start && m.end(group) >= end) {
        findings.add(new Finding(FindingType.AGE, m.start(group), m.end(group), m.group(group), confidence));
      }
    }
  }
}
