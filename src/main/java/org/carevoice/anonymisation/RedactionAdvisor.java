package org.carevoice.anonymisation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Care Opinion's editorial rule, as suggestions for the moderator:
 *
 * <ul>
 *   <li>a member of staff named in a critical passage becomes their job title ("the doctor");
 *   <li>in a positive passage their first name may stay ("Staff Nurse Jenny Brown" -> "Staff Nurse
 *       Jenny"), the surname goes;
 *   <li>the author's and relatives' names, dates of birth, numbers and contact details always go.
 * </ul>
 */
final class RedactionAdvisor {

  private static final Pattern STAFF_TITLE = Pattern.compile(
      "^(Senior\\s+Charge\\s+Nurse|Charge\\s+Nurse|Staff\\s+Nurse|Nurse|Sister|Dr\\.?|Doctor|Professor|Prof\\.?|Midwife|Matron|Consultant)\\s+(.+)$");
  private static final Pattern CRITICAL = Pattern.compile(
      "\\b(rude|ignored|ignoring|dismissive|shouted|shouting|never|didn'?t|did not|wouldn'?t|refused|wrong|angry|upset|terrible"
          + "|awful|appalling|disgusting|unprofessional|careless|failed|complain\\w*|blamed|mistake|neglect\\w*|laughed at"
          + "|sarcastic|cold|abrupt|unhelpful|not listen\\w*|wasn'?t|poor|bad|worst)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final String SENTENCE_STOPS = ".!?\n";

  private RedactionAdvisor() {}

  static String redact(String text, List<Finding> findings) {
    StringBuilder out = new StringBuilder(text.length());
    Sentences sentences = new Sentences(text);
    int at = 0;
    for (Finding finding : findings) {
      out.append(text, at, finding.start()).append(replacement(sentences, finding));
      at = finding.end();
    }
    return out.append(text.substring(at)).toString();
  }

  private static String replacement(Sentences sentences, Finding finding) {
    if (finding.type() != FindingType.PERSON_NAME) {
      return finding.type().redaction();
    }
    Matcher staff = STAFF_TITLE.matcher(finding.text());
    if (!staff.matches()) {
      return FindingType.PERSON_NAME.redaction();
    }
    String title = staff.group(1);
    String[] names = staff.group(2).split("\\s+");
    if (!sentences.isCritical(finding) && names.length >= 2) {
      return title + " " + names[0];
    }
    return jobTitle(title);
  }

  private static String jobTitle(String title) {
    String role = title.toLowerCase(Locale.UK).replace(".", "").replaceAll("\\s+", " ");
    return switch (role) {
      case "dr", "doctor" -> "the doctor";
      case "prof", "professor", "consultant" -> "the consultant";
      case "nurse" -> "a nurse";
      default -> "the " + role;
    };
  }

  static boolean isCritical(String sentence) {
    return CRITICAL.matcher(sentence).find();
  }

  /**
   * The sentence around each finding, and whether it is critical, for a whole text at once. The
   * sentence ends are found in one pass and each sentence is judged once: looking for them from
   * every finding was quadratic when a long text without a full stop named many staff (20 KB of
   * "Dr Smith " took seconds).
   */
  private static final class Sentences {

    private final String text;
    private int[] stops;
    private final Map<Long, Boolean> critical = new HashMap<>();

    Sentences(String text) {
      this.text = text;
    }

    /** The sentence runs from just after the last stop before the finding to the first stop after it. */
    boolean isCritical(Finding finding) {
      int start = stopBefore(finding.start()) + 1;
      int end = stopFrom(finding.end());
      return critical.computeIfAbsent(((long) start << 32) | end, key -> RedactionAdvisor.isCritical(text.substring(start, end)));
    }

    /** Index of the last stop before {@code index}, or -1. */
    private int stopBefore(int index) {
      int[] all = stops();
      int i = Arrays.binarySearch(all, index);
      int before = (i >= 0 ? i : -i - 1) - 1;
      return before >= 0 ? all[before] : -1;
    }

    /** Index of the first stop at or after {@code index}, or the text's length. */
    private int stopFrom(int index) {
      int[] all = stops();
      int i = Arrays.binarySearch(all, index);
      int from = i >= 0 ? i : -i - 1;
      return from < all.length ? all[from] : text.length();
    }

    private int[] stops() {
      if (stops == null) {
        stops = IntStream.range(0, text.length()).filter(i -> SENTENCE_STOPS.indexOf(text.charAt(i)) >= 0).toArray();
      }
      return stops;
    }
  }
}
