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

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    Matcher old = YEARS_OLD.matcher(text);
    while (old.find()) {
      findings.add(new Finding(FindingType.AGE, old.start(), old.end(), old.group(), 0.86));
    }
    Matcher verb = AFTER_VERB.matcher(text);
    while (verb.find()) {
      findings.add(new Finding(FindingType.AGE, verb.start(1), verb.end(1), verb.group(1), 0.84));
    }
    return findings;
  }
}
