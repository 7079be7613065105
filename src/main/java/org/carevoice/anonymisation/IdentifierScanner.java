package org.carevoice.anonymisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
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
  /** carevoice_scan_seconds in /actuator/prometheus: how long each scan takes. */
  private final Timer timer;

  @Autowired
  IdentifierScanner(List<IdentifierDetector> detectors, MeterRegistry meters) {
    this.detectors = List.copyOf(detectors);
    this.timer = Timer.builder("carevoice.scan").description("Time to scan one text for personal identifiers")
        .register(meters);
  }

  IdentifierScanner(List<IdentifierDetector> detectors) {
    this(detectors, new SimpleMeterRegistry());
  }

  public ScanResult scan(String text) {
    return timer.record(() -> scanNow(text));
  }

  private ScanResult scanNow(String text) {
    List<Finding> all = new ArrayList<>();
    for (IdentifierDetector detector : detectors) {
      all.addAll(detector.detect(text));
    }
    all.sort(Comparator.comparingDouble(Finding::confidence).reversed()
        .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed()));
    // Kept findings never overlap one another, so ordered by start they are ordered by end too: of
    // those starting before a finding ends, only the last can reach into it. One look-up per
    // finding instead of a comparison with every finding kept so far.
    TreeMap<Integer, Finding> kept = new TreeMap<>();
    for (Finding finding : all) {
      Map.Entry<Integer, Finding> before = kept.lowerEntry(finding.end());
      if (before == null || !finding.overlaps(before.getValue())) {
        kept.put(finding.start(), finding);
      }
    }
    List<Finding> findings = List.copyOf(kept.values());
    return new ScanResult(findings, RedactionAdvisor.redact(text, findings));
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
