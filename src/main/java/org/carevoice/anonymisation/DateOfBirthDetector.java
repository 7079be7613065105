package org.carevoice.anonymisation;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A date stated as someone's date of birth ("born on 3 March 1948", "DOB 03/03/48", "date of
 * birth: 3.3.1948", "her birthday is 12th June 1950"). Appointment and admission dates are not
 * birth dates and do not match.
 */
@Component
class DateOfBirthDetector implements IdentifierDetector {

  private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  /** Day-month-year in figures, ISO year-month-day, or with the month's name and a year of four or two digits. */
  private static final String DATE = "(\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?![\\d/])"
      + "|(?:19|20)\\d{2}-[01]?\\d-[0-3]?\\d(?!\\d)"
      + "|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(?:\\d{4}|['\u2019]?\\d{2})(?!\\d)"
      + "|" + MONTH + "\\.?\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:\\d{4}|['\u2019]\\d{2})(?!\\d))";
  /**
   * Up to six words between "born" and the date ("born on a Tuesday, 2nd May 2023", "born in Airdrie
   * on 3 May 1950"), but not across a clause: "born and bred here, and on 3 May 2020 I fell" is no
   * birth date. Each word is read once (possessive), and at most seven places are tried per "born".
   */
  private static final String BETWEEN = "(?:(?!(?:and|but|when|until|since|then|after|before|we|they|i|it|had|was|went|got"
      + "|came|admitted|seen|discharged|appointment)\\b)[a-z'\u2019]++,?\\s++){0,6}?";
  /*
   * Possessive spaces: "DOB" and a date may be apart by any number of spaces, and two greedy \s*
   * side by side tried every way of sharing them (20 KB of spaces after "dob" took 30 s). The
   * date can start only after the last space, so no sharing is worth trying.
   */
  static final Pattern DOB = Pattern.compile(
      "\\b(?:born\\s++" + BETWEEN + "|birth\\s*+date\\s*+(?:(?:is|was|:)\\s*+)?|date\\s+of\\s+birth\\s*+(?:(?:is|was|:)\\s*+)?|d\\.?o\\.?b\\.?\\s*+(?:(?:is|:)\\s*+)?"
          + "|birthday\\s+is\\s++(?:on\\s++)?)"
          + DATE,
      Pattern.CASE_INSENSITIVE);

  @Override
  public List<Finding> detect(String text) {
    return TextPatterns.findAll(text, DOB, 1, FindingType.DATE_OF_BIRTH, 0.92, s -> true);
  }
}
