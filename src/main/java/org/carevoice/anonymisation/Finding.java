package org.carevoice.anonymisation;

/**
 * One personal identifier in a text. Offsets are Java {@code String} indices, end exclusive.
 * A finding is itself personal data: it is stored only with the story and never logged.
 */
public record Finding(FindingType type, int start, int end, String text, double confidence) {

  boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }
}
