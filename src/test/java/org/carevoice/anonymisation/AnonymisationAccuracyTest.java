package org.carevoice.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall per type and precision of the scan on the labelled corpus. A finding is right when it
 * has the gold finding's type and overlaps it; the exact-span figures are reported beside.
 * docs/anonymisation.md records the numbers and the known misses.
 */
class AnonymisationAccuracyTest {

  static final double RECALL_AIM = 0.95;
  static final double PRECISION_AIM = 0.90;

  private static List<LabelledCorpus.Passage> corpus;
  private static final IdentifierScanner SCANNER = Scanners.standard();

  @BeforeAll
  static void load() throws Exception {
    corpus = LabelledCorpus.load();
  }

  @Test
  void corpus_isBigAndCoversEveryType() {
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
    corpus.forEach(p -> p.gold().forEach(f -> counts.merge(f.type(), 1, Integer::sum)));
    assertThat(counts.keySet()).containsExactlyInAnyOrder(FindingType.values());
    assertThat(corpus.stream().filter(p -> p.gold().isEmpty()).count()).as("hard negatives").isGreaterThanOrEqualTo(40);
  }

  @Test
  void aNameNeverRunsAcrossALineBreak() {
    assertThat(SCANNER.scan("Worried about my mum\n\nMy mum is not safe at home.").findings()).isEmpty();
    assertThat(SCANNER.scan("Thanks to Dr\nCampbell").findings()).isEmpty();
  }

  @Test
  void recallPerType_andPrecision_meetTheAim() {
    Map<FindingType, int[]> recall = new EnumMap<>(FindingType.class);
    int predicted = 0;
    int correct = 0;
    int exact = 0;
    int gold = 0;
    List<String> misses = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    for (LabelledCorpus.Passage passage : corpus) {
      List<Finding> found = SCANNER.scan(passage.text()).findings();
      for (Finding g : passage.gold()) {
        gold++;
        int[] counts = recall.computeIfAbsent(g.type(), t -> new int[2]);
        counts[1]++;
        if (found.stream().anyMatch(f -> f.type() == g.type() && f.overlaps(g))) {
          counts[0]++;
        } else {
          misses.add(g.type() + " '" + g.text() + "' in: " + passage.text());
        }
        if (found.stream().anyMatch(f -> f.type() == g.type() && f.start() == g.start() && f.end() == g.end())) {
          exact++;
        }
      }
      for (Finding f : found) {
        predicted++;
        if (passage.gold().stream().anyMatch(g -> g.type() == f.type() && g.overlaps(f))) {
          correct++;
        } else {
          falseAlarms.add(f.type() + " '" + f.text() + "' in: " + passage.text());
        }
      }
    }
    double precision = predicted == 0 ? 0 : (double) correct / predicted;
    StringBuilder report = new StringBuilder("\nAnonymisation accuracy on " + corpus.size() + " passages\n");
    recall.forEach((type, c) -> report.append(String.format("  recall %-14s %3d/%3d = %.3f%n", type, c[0], c[1], (double) c[0] / c[1])));
    report.append(String.format("  precision %d/%d = %.3f; exact-span recall %d/%d = %.3f%n", correct, predicted, precision,
        exact, gold, (double) exact / gold));
    misses.forEach(m -> report.append("  MISS ").append(m).append('\n'));
    falseAlarms.forEach(m -> report.append("  FALSE ALARM ").append(m).append('\n'));
    System.out.println(report);

    recall.forEach((type, c) -> assertThat((double) c[0] / c[1]).as("recall of " + type + report).isGreaterThanOrEqualTo(RECALL_AIM));
    assertThat(precision).as("precision" + report).isGreaterThanOrEqualTo(PRECISION_AIM);
  }
}
