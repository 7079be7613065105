package org.carevoice.anonymisation;

import java.util.List;

/** The findings in a text, in order, and the text with each finding replaced by its redaction. */
public record ScanResult(List<Finding> findings, String redactedText) {}
