package org.carevoice.anonymisation;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contact details: email addresses (also written out, "anne at gmail dot com"), web links, UK
 * phone numbers (found and checked by libphonenumber against Ofcom's numbering plan) and UK
 * postcodes.
 */
@Configuration(proxyBeanMethods = false)
class ContactDetectors {

  /*
   * Linear time on any input. A run of characters that may start an address ("a.a.a.a..." or
   * "a-b-c-...") has a word boundary before nearly every character; a pattern that starts at each
   * of them and reads to the end of the run is quadratic (20 KB of "a." took 30 s). So each run is
   * tried once, from its start: the lookbehind refuses to start inside a run (unless the last
   * finding ended there, \G), and the atomic group
   * (?>[...]*?\b) moves to the run's first word boundary, where a plain "\b[...]+" would
   * start, and never comes back (a later start in the same run reads to the same end and fails
   * the same way). The finding is group 1.
   */
  private static final String LOCAL_CHAR = "[A-Za-z0-9._%+-]";
  static final Pattern EMAIL = Pattern.compile("(?:\\G|(?<!" + LOCAL_CHAR + "))(?>" + LOCAL_CHAR + "*?\\b)(" + LOCAL_CHAR
      + "++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b)");
  private static final String SPOKEN_CHAR = "[A-Za-z0-9._-]";
  /** The name may end inside its run, before the word "at" ("anne.at gmail dot com"), so no possessive here. */
  static final Pattern SPOKEN_EMAIL = Pattern.compile("(?:\\G|(?<!" + SPOKEN_CHAR + "))(?>" + SPOKEN_CHAR + "*?\\b)(" + SPOKEN_CHAR
      + "+\\s*+(?:\\(at\\)|\\[at\\]|\\bat\\b)\\s*+[A-Za-z0-9-]+\\s*+(?:(?:\\(dot\\)|\\[dot\\]|\\bdot\\b)\\s*+[A-Za-z]{2,}\\s*){1,3})",
      Pattern.CASE_INSENSITIVE);
  private static final String WEB_ADDRESS = "(?:https?://|www\\.)[^\\s<>\"]";
  private static final String DOMAIN_CHAR = "[a-z0-9-]";
  /** Group 1: a link with its scheme or www; group 2: a bare domain such as nhslanarkshire.scot/visiting. */
  static final Pattern URL = Pattern.compile("\\b(" + WEB_ADDRESS + "+)"
      + "|(?:\\G|(?<!" + DOMAIN_CHAR + "))(?>" + DOMAIN_CHAR + "*?\\b)(?!" + WEB_ADDRESS + ")"
      + "(" + DOMAIN_CHAR + "++\\.(?:co\\.uk|com|org\\.uk|org|net|scot)(?:/[^\\s<>\"]*)?)",
      Pattern.CASE_INSENSITIVE);
  static final Pattern POSTCODE = Pattern.compile(
      "\\b(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-HJKPSTUW\\d]?)\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b", Pattern.CASE_INSENSITIVE);

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  @Bean
  IdentifierDetector emailDetector() {
    return text -> {
      List<Finding> findings = new ArrayList<>(TextPatterns.findAll(text, EMAIL, 1, FindingType.EMAIL, 0.99, s -> true));
      findings.addAll(TextPatterns.findAll(text, SPOKEN_EMAIL, 1, FindingType.EMAIL, 0.85,
          s -> s.toLowerCase().matches(".*\\bdot\\b.*|.*\\(dot\\).*|.*\\[dot\\].*")));
      return findings;
    };
  }

  @Bean
  IdentifierDetector urlDetector() {
    return text -> TextPatterns.findAll(text, URL, TextPatterns.ANY_GROUP, FindingType.URL, 0.95, s -> !s.contains("@"));
  }

  @Bean
  IdentifierDetector postcodeDetector() {
    return text -> TextPatterns.findAll(text, POSTCODE, 0, FindingType.POSTCODE, 0.9, ContactDetectors::looksLikePostcode);
  }

  /**
   * UK phone numbers as people write them: 07700 900123, 01698 366 000, +44 (0)1698 366000,
   * 0044 7700-900-123. Only numbers written with a trunk 0 or the country code count: NHS and CHI
   * numbers, 111 and 999 never match; an extension after the number is left out.
   */
  @Bean
  IdentifierDetector phoneDetector() {
    return text -> {
      List<Finding> findings = new ArrayList<>();
      for (PhoneNumberMatch match : PHONES.findNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
        String raw = match.rawString();
        String digits = raw.replaceAll("[^\\d+]", "");
        boolean written = digits.startsWith("0") || digits.startsWith("+44");
        int national = match.number().getNationalNumber() == 0 ? 0 : String.valueOf(match.number().getNationalNumber()).length();
        if (!written || national < 9 || national > 10) {
          continue;
        }
        int end = match.start() + raw.length();
        int ext = raw.toLowerCase().indexOf("ext");
        if (ext > 0) {
          end = TextPatterns.trimEnd(text, match.start(), match.start() + ext);
        }
        findings.add(new Finding(FindingType.PHONE, match.start(), end, text.substring(match.start(), end), 0.93));
      }
      return findings;
    };
  }

  /** A postcode has a letter-digit outward code; lower-case ones are accepted only with the space. */
  static boolean looksLikePostcode(String candidate) {
    boolean upper = candidate.equals(candidate.toUpperCase());
    return upper || candidate.contains(" ");
  }
}
