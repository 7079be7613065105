package org.carevoice.anonymisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

  /** How many of the texts scanned last the application keeps with their results. */
  private static final int RECENT = 16;

  private final List<IdentifierDetector> detectors;
  /**
   * The last texts scanned, with their results: a story's case scans its text, and the moderation
   * task prepared in the same transaction shows the findings again. The scan depends on nothing
   * but the text. Held in memory only, a few at a time.
   */
  private final Map<String, ScanResult> recent;
  /** carevoice_scan_seconds in /actuator/prometheus: how long each scan takes. */
  private final Timer timer;

  @Autowired
  IdentifierScanner(List<IdentifierDetector> detectors, MeterRegistry meters) {
    this(detectors, meters, RECENT);
  }

  /** For measuring the scan itself (tests, benchmarks): every text scanned, none kept. */
  IdentifierScanner(List<IdentifierDetector> detectors) {
    this(detectors, new SimpleMeterRegistry(), 0);
  }

  private IdentifierScanner(List<IdentifierDetector> detectors, MeterRegistry meters, int recentTexts) {
    this.detectors = List.copyOf(detectors);
    this.timer = Timer.builder("carevoice.scan").description("Time to scan one text for personal identifiers")
        .register(meters);
    this.recent = Collections.synchronizedMap(new LinkedHashMap<>(recentTexts * 2 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ScanResult> eldest) {
        return size() > recentTexts;
      }
    });
  }

  public ScanResult scan(String text) {
    ScanResult known = recent.get(text);
    if (known != null) {
      return known;
    }
    ScanResult result = timer.record(() -> scanNow(text));
    recent.put(text, result);
    return result;
  }

  /**
   * The findings in the last part of a text, {@code tail}, from the scan of the whole text, with
   * offsets into {@code tail} and its suggested redaction. The moderation task shows a story body's
   * findings just after the case scanned the story's whole text (title and body), so that scan is
   * not repeated.
   */
  public ScanResult scanTail(String whole, String tail) {
    if (!whole.endsWith(tail)) {
      throw new IllegalArgumentException("Not the end of the text scanned");
    }
    int offset = whole.length() - tail.length();
    List<Finding> inTail = scan(whole).findings().stream()
        .filter(finding -> finding.start() >= offset)
        .map(f -> new Finding(f.type(), f.start() - offset, f.end() - offset, f.text(), f.confidence()))
        .toList();
    return new ScanResult(inTail, RedactionAdvisor.redact(tail, inTail));
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
