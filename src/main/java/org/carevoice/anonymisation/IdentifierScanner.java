package org.carevoice.anonymisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The personal-identifier scan: runs every {@link IdentifierDetector}, keeps the most confident of
 * overlapping findings, and proposes the redacted text by Care Opinion's editorial rule
 * ({@link RedactionAdvisor}).
 */
@Service
public class IdentifierScanner {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<IdentifierDetector> detectors;

  IdentifierScanner(List<IdentifierDetector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  public ScanResult scan(String text) {
    List<Finding> all = new ArrayList<>();
    for (IdentifierDetector detector : detectors) {
      all.addAll(detector.detect(text));
    }
    all.sort(Comparator.comparingDouble(Finding::confidence).reversed()
        .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed()));
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : all) {
      if (kept.stream().noneMatch(finding::overlaps)) {
        kept.add(finding);
      }
    }
    kept.sort(Comparator.comparingInt(Finding::start));
    return new ScanResult(List.copyOf(kept), RedactionAdvisor.redact(text, kept));
  }

  /** Plain words for a moderator, e.g. "PHONE: 07700 900 123", or "None found". Personal data: forms only. */
  public static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "None found";
    }
    return findings.stream().map(f -> f.type() + ": " + f.text()).collect(Collectors.joining("\n"));
  }

  public static String toJson(List<Finding> findings) {
    try {
      return JSON.writeValueAsString(findings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Findings are plain records", e);
    }
  }

  public static List<Finding> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Finding>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored findings are not valid JSON", e);
    }
  }
}
