package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * NHS numbers and Scottish CHI numbers: ten digits (spaced or not) whose mod-11 check digit is
 * right. A CHI number starts with the person's date of birth (DDMMYY); "CHI" or "NHS number"
 * written just before the number settles which it is. Labelled so, ten digits are a CHI or NHS
 * number even when the check digit fails (issue 13): a mistyped number still points at a person.
 */
@Component
class HealthNumberDetector implements IdentifierDetector {

  static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\d/.-])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d/.-]\\d)");
  private static final Pattern CHI_CONTEXT = Pattern.compile("\\bchi\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NHS_CONTEXT = Pattern.compile("\\bnhs\\b", Pattern.CASE_INSENSITIVE);
  /** A number whose check digit fails is an NHS number only when called one ("NHS number", "NHS no."), not "NHS 24 ref". */
  private static final Pattern NHS_NUMBER_CONTEXT = Pattern.compile("\\bnhs\\s*+(?:number|no\\b|num\\b|#)",
      Pattern.CASE_INSENSITIVE);

  /** A labelled number whose check digit fails still beats a phone number's reading of the same digits (0.93). */
  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = TEN_DIGITS.matcher(text);
    while (matcher.find()) {
      String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
      String before = text.substring(Math.max(0, matcher.start() - 25), matcher.start());
      boolean chi = CHI_CONTEXT.matcher(before).find();
      boolean nhs = !chi && NHS_CONTEXT.matcher(before).find();
      boolean valid = mod11Valid(digits);
      if (!valid && !chi && !(nhs && NHS_NUMBER_CONTEXT.matcher(before).find())) {
        continue;
      }
      FindingType type;
      if (chi) {
        type = FindingType.CHI_NUMBER;
      } else if (nhs) {
        type = FindingType.NHS_NUMBER;
      } else {
        type = isDdMmYy(digits) ? FindingType.CHI_NUMBER : FindingType.NHS_NUMBER;
      }
      findings.add(new Finding(type, matcher.start(), matcher.end(), matcher.group(), valid ? 0.97 : 0.95));
    }
    return findings;
  }

  /** Weights 10..2 on the first nine digits; check = 11 - (sum mod 11), 11 meaning 0, 10 invalid. */
  static boolean mod11Valid(String digits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  static boolean isDdMmYy(String digits) {
    int day = Integer.parseInt(digits.substring(0, 2));
    int month = Integer.parseInt(digits.substring(2, 4));
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
  }
}
