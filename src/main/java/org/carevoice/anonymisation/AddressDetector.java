package org.carevoice.anonymisation;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Street addresses: a house number (or a Scottish tenement flat such as "flat 2/1, 14") and a
 * street name ending in a street word ("14 Almada Street", "3 Quarry Road", "27b Hunthill Rd").
 * Wards, floors and hospital names have no street word and do not match.
 */
@Component
class AddressDetector implements IdentifierDetector {

  private static final String STREET_WORD = "(?:Street|St|Road|Rd|Avenue|Ave|Drive|Crescent|Cres|Place|Terrace|Lane"
      + "|Gardens|Court|Way|Close|Grove|View|Wynd|Brae|Row|Square|Loan|Gate|Mews|Walk|Quadrant|Park Road|Circle)";
  static final Pattern ADDRESS = Pattern.compile(
      "\\b((?:[Ff]lat\\s+\\d+(?:/\\d+)?,?\\s+)?\\d{1,4}[a-zA-Z]?,?\\s+(?:(?:Mc|Mac|O')?[A-Z][a-z]+\\s+){1,3}" + STREET_WORD
          + ")\\b\\.?");

  @Override
  public List<Finding> detect(String text) {
    return TextPatterns.findAll(text, ADDRESS, 1, FindingType.ADDRESS, 0.9, s -> true);
  }
}
