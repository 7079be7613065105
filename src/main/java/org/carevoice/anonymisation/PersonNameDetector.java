package org.carevoice.anonymisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Names of people, found the way a moderator finds them:
 *
 * <ol>
 *   <li>a title or role before a name: "Dr Campbell", "Staff Nurse Jenny Brown", "Mrs O'Neill",
 *       "Sister McAllister", "Charge Nurse Ross-Wilson" (the title is part of the finding);
 *   <li>a relative before a name, even in lower case: "my husband Tam", "my daughter, Eilidh";
 *   <li>"called" or "named" before a name: "a nurse called Jenny";
 *   <li>a known first name (anonymisation/first-names.txt), with the surname after it if there is
 *       one, Mc/Mac/O' and hyphenated surnames included: "Kirsty MacDonald was lovely".
 * </ol>
 *
 * Places that look like names (anonymisation/places.txt: Hamilton, Wishaw, Hairmyres ...) are
 * never names unless a title says so, and job titles alone ("the staff nurse") are not names.
 */
@Component
class PersonNameDetector implements IdentifierDetector {

  private static final String NAME = "(?:Mc|Mac|O'|O\u2019|D')?[A-Z][a-z]+(?:-(?:Mc|Mac|O')?[A-Z][a-z]+)?";
  private static final String TITLE = "(?:Senior\\s+Charge\\s+Nurse|Charge\\s+Nurse|Staff\\s+Nurse|Nurse|Sister|Dr\\.?|Doctor"
      + "|Mrs\\.?|Mr\\.?|Ms\\.?|Miss|Mx\\.?|Professor|Prof\\.?|Midwife|Matron|Consultant)";
  /** Words that follow a title but are roles, not names ("Nurse Practitioner"). */
  private static final Set<String> ROLE_WORDS = Set.of("practitioner", "specialist", "consultant", "manager",
      "director", "registrar", "assistant", "nurse", "sister", "doctor", "practice", "team", "station", "in", "on",
      "who", "and", "the", "was", "said", "told", "came", "had");
  /** Words of one name are on one line: a line break ends a name. */
  private static final String GAP = "[ \\t]++";
  private static final Pattern TITLED = Pattern.compile("\\b" + TITLE + GAP + "(" + NAME + ")(?:" + GAP + "(" + NAME + "))?");
  private static final String RELATIVE = "(?:husband|wife|partner|son|daughter|mum|mam|mother|dad|father|brother|sister"
      + "|gran|granny|grandma|grandad|grandpa|grandson|granddaughter|uncle|aunt|auntie|nephew|niece|boy|girl|friend"
      + "|neighbour|cousin|baby|wean|boyfriend|girlfriend|fianc[eé]e?|stepson|stepdaughter|twin)";
  /** An optional comma, then a gap: written so that a long run of spaces is read once, not shared out every way. */
  private static final Pattern RELATIVE_NAME = Pattern.compile(
      "\\b(?:my|our|his|her|their)\\s+(?:late\\s+|wee\\s+|little\\s+|youngest\\s+|eldest\\s+|oldest\\s+)?" + RELATIVE
          + "(?:[ \\t]*+,)?" + GAP + "([A-Za-z][a-z]+(?:" + GAP + "(?:Mc|Mac|O')?[A-Z][a-z]+)?)");
  private static final Pattern CALLED = Pattern.compile(
      "\\b(?:called|named|name\\s+(?:is|was))" + GAP + "(" + NAME + "(?:" + GAP + NAME + ")?)");
  private static final Pattern CAPITALISED = Pattern.compile("\\b(" + NAME + ")(?:" + GAP + "(" + NAME + "))?");

  /** First names that are also common words or months: on their own they are not taken for names. */
  private static final Set<String> AMBIGUOUS = Set.of("june", "may", "april", "august", "mark", "bill", "will",
      "grace", "hope", "rose", "faith", "joy", "jack", "frank", "dawn", "heather", "hazel", "robin", "sandy", "ruby",
      "holly", "pat", "sam", "lee", "kim", "guy", "art", "ray", "sue", "iris", "olive", "amber", "jean");

  private final Set<String> firstNames;
  private final Set<String> places;

  PersonNameDetector() {
    this.firstNames = words("anonymisation/first-names.txt");
    this.places = words("anonymisation/places.txt");
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    Matcher titled = TITLED.matcher(text);
    while (titled.find()) {
      if (ROLE_WORDS.contains(titled.group(1).toLowerCase(Locale.UK))) {
        continue;
      }
      int end = titled.group(2) != null && !isPlace(titled.group(2)) && !ROLE_WORDS.contains(titled.group(2).toLowerCase(Locale.UK))
          ? titled.end(2) : titled.end(1);
      findings.add(new Finding(FindingType.PERSON_NAME, titled.start(), end, text.substring(titled.start(), end), 0.9));
    }
    Matcher relative = RELATIVE_NAME.matcher(text);
    while (relative.find()) {
      String name = relative.group(1);
      String first = name.split("\\s+")[0];
      boolean capitalised = Character.isUpperCase(first.charAt(0));
      if ((capitalised && !isPlace(first) && !StopWords.contains(first)) || firstNames.contains(first.toLowerCase(Locale.UK))) {
        int end = Character.isUpperCase(name.charAt(0)) || !name.contains(" ") ? relative.end(1) : relative.start(1) + first.length();
        findings.add(new Finding(FindingType.PERSON_NAME, relative.start(1), end, text.substring(relative.start(1), end), 0.88));
      }
    }
    Matcher called = CALLED.matcher(text);
    while (called.find()) {
      if (!isPlace(called.group(1))) {
        findings.add(new Finding(FindingType.PERSON_NAME, called.start(1), called.end(1), called.group(1), 0.85));
      }
    }
    Matcher capitalised = CAPITALISED.matcher(text);
    while (capitalised.find()) {
      String first = capitalised.group(1);
      if (!firstNames.contains(first.toLowerCase(Locale.UK)) || isPlace(first)) {
        continue;
      }
      boolean withSurname = capitalised.group(2) != null && !isPlace(capitalised.group(2))
          && !StopWords.contains(capitalised.group(2));
      if (AMBIGUOUS.contains(first.toLowerCase(Locale.UK)) && !withSurname) {
        continue;
      }
      int end = withSurname ? capitalised.end(2) : capitalised.end(1);
      findings.add(new Finding(FindingType.PERSON_NAME, capitalised.start(), end, text.substring(capitalised.start(), end),
          withSurname ? 0.8 : 0.7));
    }
    return findings;
  }

  private boolean isPlace(String word) {
    return places.contains(word.toLowerCase(Locale.UK));
  }

  private static Set<String> words(String resource) {
    try (var in = PersonNameDetector.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.toLowerCase(Locale.UK))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Capitalised words that are not names where a name could stand ("my Mum", "my son And"). */
  static final class StopWords {
    private static final Set<String> WORDS = Set.of("and", "was", "is", "had", "has", "who", "went", "came", "the",
        "a", "an", "to", "in", "at", "on", "with", "when", "after", "before", "said", "told", "but", "so", "then",
        "were", "got", "being", "been", "would", "could", "did", "does", "i", "we", "he", "she", "they", "it", "all",
        "nhs", "ward", "hospital", "a&e", "ae", "gp", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "august", "september", "october", "november",
        "december", "christmas", "easter", "thank", "thanks", "also", "both", "too", "again", "still", "my", "our",
        "his", "her", "their", "this", "that", "there", "here", "please");

    static boolean contains(String word) {
      return WORDS.contains(word.toLowerCase(Locale.UK));
    }

    private StopWords() {}
  }
}
