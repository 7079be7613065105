package org.carevoice.anonymisation;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
   * Each run of address characters is bounded by the address format's own limits: at most 64
   * characters before the @ (RFC 5321) and 63 in a domain label (RFC 1035). Unbounded, a run such
   * as "a.a.a.a..." or "a-b-c-..." with a word boundary before nearly every character was read to
   * its end from every boundary: quadratic, 20 KB of "a." took 30 s. Bounded, each start reads at
   * most 64 characters, so a scan stays linear; a real address is never longer.
   */
  static final Pattern EMAIL = Pattern.compile("\\b[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b");
  static final Pattern SPOKEN_EMAIL = Pattern.compile(
      "\\b[A-Za-z0-9._-]{1,64}\\s*+(?:\\(at\\)|\\[at\\]|\\bat\\b)\\s*+[A-Za-z0-9-]+\\s*+(?:(?:\\(dot\\)|\\[dot\\]|\\bdot\\b)\\s*+[A-Za-z]{2,}\\s*){1,3}",
      Pattern.CASE_INSENSITIVE);
  static final Pattern URL = Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"]+|\\b[a-z0-9-]{1,63}+\\.(?:co\\.uk|com|org\\.uk|org|net|scot)(?:/[^\\s<>\"]*)?",
      Pattern.CASE_INSENSITIVE);
  static final Pattern POSTCODE = Pattern.compile(
      "\\b(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-HJKPSTUW\\d]?)\\s?\\d[ABD-HJLNP-UW-Z]{2}\\b", Pattern.CASE_INSENSITIVE);

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /*
   * Each pattern below runs only on a text holding the one literal that every match of it must
   * hold ("@"; "dot"; "://", "www." or a domain ending): most stories hold none, and a pattern that
   * starts with a word boundary otherwise tests it at every character of the text. The literals
   * are looked for in the lower-cased text, since the patterns ignore ASCII case.
   */

  @Bean
  IdentifierDetector emailDetector() {
    return text -> {
      List<Finding> findings = new ArrayList<>();
      if (text.indexOf('@') >= 0) {
        findings.addAll(TextPatterns.findAll(text, EMAIL, 0, FindingType.EMAIL, 0.99, s -> true));
      }
      if (lowerCase(text).contains("dot")) {
        findings.addAll(TextPatterns.findAll(text, SPOKEN_EMAIL, 0, FindingType.EMAIL, 0.85,
            s -> s.toLowerCase().matches(".*\\bdot\\b.*|.*\\(dot\\).*|.*\\[dot\\].*")));
      }
      return findings;
    };
  }

  @Bean
  IdentifierDetector urlDetector() {
    return text -> {
      String lower = lowerCase(text);
      if (!lower.contains("://") && !lower.contains("www.") && !lower.contains(".co") && !lower.contains(".org")
          && !lower.contains(".net") && !lower.contains(".scot")) {
        return List.of();
      }
      return TextPatterns.findAll(text, URL, 0, FindingType.URL, 0.95, s -> !s.contains("@"));
    };
  }

  private static String lowerCase(String text) {
    return text.toLowerCase(Locale.ROOT);
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
