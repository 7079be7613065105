package org.carevoice.anonymisation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private RedactionAdvisor() {}

  static String redact(String text, List<Finding> findings) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Finding finding : findings) {
      out.append(text, at, finding.start()).append(replacement(text, finding));
      at = finding.end();
    }
    return out.append(text.substring(at)).toString();
  }

  static String replacement(String text, Finding finding) {
    if (finding.type() != FindingType.PERSON_NAME) {
      return finding.type().redaction();
    }
    Matcher staff = STAFF_TITLE.matcher(finding.text());
    if (!staff.matches()) {
      return FindingType.PERSON_NAME.redaction();
    }
    String title = staff.group(1);
    String[] names = staff.group(2).split("\\s+");
    if (!isCritical(sentenceAround(text, finding)) && names.length >= 2) {
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

  private static String sentenceAround(String text, Finding finding) {
    int start = finding.start();
    while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = finding.end();
    while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return text.substring(start, end);
  }
}
