package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The first detectors, pattern-based: contact details, UK postcodes, NHS and CHI numbers (with
 * their check digits), titled names and dates of birth. The anonymisation issue replaces and
 * extends them; the scanner's interface stays.
 */
@Configuration(proxyBeanMethods = false)
class PatternDetectors {

  static final Pattern EMAIL = Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b");
  static final Pattern URL = Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
  static final Pattern PHONE = Pattern.compile(
      "(?<![\\d+])(?:(?:\\+44\\s?\\(?0?\\)?\\s?|\\(?0)(?:\\d[\\s-]?){9,10})(?!\\d)");
  static final Pattern POSTCODE = Pattern.compile(
      "\\b(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?)\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b");
  static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})[\\s-]?(\\d{3})[\\s-]?(\\d{4})(?!\\d)");
  static final Pattern TITLED_NAME = Pattern.compile(
      "\\b(?:Dr|Doctor|Nurse|Sister|Staff Nurse|Charge Nurse|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\\.?\\s+"
          + "((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\\s(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)");
  static final Pattern DATE_OF_BIRTH = Pattern.compile(
      "\\b(?:born on|date of birth(?: is|:)?|DOB:?|d\\.o\\.b\\.?:?)\\s*(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]+\\s+\\d{4})",
      Pattern.CASE_INSENSITIVE);

  @Bean
  IdentifierDetector emailDetector() {
    return text -> matches(text, EMAIL, 0, FindingType.EMAIL, 0.99, s -> true);
  }

  @Bean
  IdentifierDetector urlDetector() {
    return text -> matches(text, URL, 0, FindingType.URL, 0.95, s -> true);
  }

  @Bean
  IdentifierDetector phoneDetector() {
    return text -> matches(text, PHONE, 0, FindingType.PHONE, 0.9, PatternDetectors::isPlausiblePhone);
  }

  @Bean
  IdentifierDetector postcodeDetector() {
    return text -> matches(text, POSTCODE, 0, FindingType.POSTCODE, 0.9, s -> true);
  }

  /** Ten digits with a valid mod-11 check digit: a CHI number when it starts with a valid DDMMYY date. */
  @Bean
  IdentifierDetector healthNumberDetector() {
    return text -> {
      List<Finding> findings = new ArrayList<>();
      Matcher matcher = TEN_DIGITS.matcher(text);
      while (matcher.find()) {
        String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
        if (mod11Valid(digits)) {
          FindingType type = isDdMmYy(digits) ? FindingType.CHI_NUMBER : FindingType.NHS_NUMBER;
          findings.add(new Finding(type, matcher.start(), matcher.end(), matcher.group(), 0.97));
        }
      }
      return findings;
    };
  }

  @Bean
  IdentifierDetector titledNameDetector() {
    return text -> matches(text, TITLED_NAME, 0, FindingType.PERSON_NAME, 0.8, s -> true);
  }

  @Bean
  IdentifierDetector dateOfBirthDetector() {
    return text -> matches(text, DATE_OF_BIRTH, 1, FindingType.DATE_OF_BIRTH, 0.9, s -> true);
  }

  static List<Finding> matches(String text, Pattern pattern, int group, FindingType type, double confidence,
      Predicate<String> accept) {
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      String found = matcher.group(group);
      if (found == null) {
        continue;
      }
      // A pattern that allows separators between digits may take one too many at the end.
      int end = matcher.end(group);
      while (end > matcher.start(group) && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '-')) {
        end--;
      }
      found = text.substring(matcher.start(group), end);
      if (accept.test(found)) {
        findings.add(new Finding(type, matcher.start(group), end, found, confidence));
      }
    }
    return findings;
  }

  static boolean isPlausiblePhone(String candidate) {
    String digits = candidate.replaceAll("\\D", "");
    if (digits.startsWith("44")) {
      digits = "0" + digits.substring(digits.startsWith("440") ? 3 : 2);
    }
    return digits.length() >= 10 && digits.length() <= 11 && digits.startsWith("0") && !digits.startsWith("00");
  }

  /** NHS and CHI numbers: weights 10..2 on the first nine digits, check = 11 - sum mod 11 (11 -> 0, 10 invalid). */
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
