package org.carevoice.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall per type and precision of the scan, on the development part of the labelled corpus and
 * on held-out passages that the rules were not written against (issue 13): the corpus's held-out
 * part, the hand-written held-out passages and generated passages with names of many origins. A
 * finding is right when it has the gold finding's type and overlaps it; an identifier is "left"
 * when no finding of any type covers any of it, so it would stay in the suggested text.
 * docs/anonymisation.md records the numbers and the known misses.
 */
class AnonymisationAccuracyTest {

  private static List<LabelledCorpus.Passage> corpus;
  private static List<LabelledCorpus.Passage> handWritten;
  private static HeldOutPassages.Generated generated;
  private static final IdentifierScanner SCANNER = Scanners.standard();

  @BeforeAll
  static void load() throws Exception {
    corpus = LabelledCorpus.load();
    handWritten = HeldOutPassages.handWritten();
    generated = HeldOutPassages.generated();
  }

  @Test
  void corpus_isBigAndCoversEveryType() {
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
    corpus.forEach(p -> p.gold().forEach(f -> counts.merge(f.type(), 1, Integer::sum)));
    handWritten.forEach(p -> p.gold().forEach(f -> counts.merge(f.type(), 1, Integer::sum)));
    assertThat(counts.keySet()).containsExactlyInAnyOrder(FindingType.values());
    assertThat(corpus.stream().filter(p -> p.gold().isEmpty()).count()).as("hard negatives").isGreaterThanOrEqualTo(40);
    assertThat(corpus.stream().filter(p -> p.part() == LabelledCorpus.Part.HELD_OUT).count()).as("held out")
        .isBetween(30L, 90L);
  }

  @Test
  void aNameNeverRunsAcrossALineBreak() {
    assertThat(SCANNER.scan("Worried about my mum\n\nMy mum is not safe at home.").findings()).isEmpty();
    assertThat(SCANNER.scan("Thanks to Dr\nCampbell").findings()).noneMatch(f -> f.text().contains("\n"));
    assertThat(SCANNER.scan("Thanks to Nurse\nJenny Brown").findings()).noneMatch(f -> f.text().contains("\n"));
  }

  @Test
  void developmentPart_meetsItsFloors() {
    Score score = Score.of(SCANNER, part(LabelledCorpus.Part.DEVELOPMENT));
    score.print("corpus, development part");
    score.assertRecallAtLeast(0.97).assertPrecisionAtLeast(0.97);
  }

  @Test
  void generatedDevelopmentPassages_meetTheirFloors() {
    Score score = Score.of(SCANNER, HeldOutPassages.development().passages());
    score.print("generated development passages (other frames, seed " + (HeldOutPassages.SEED + 1) + ")");
    score.assertRecallAtLeast(0.97).assertPrecisionAtLeast(0.97).assertLeftAtMost(4);
  }

  @Test
  void generatedDevelopmentPassages_withTheirNamesUnlisted_meetTheirFloors() {
    HeldOutPassages.Generated development = HeldOutPassages.development();
    NameLexicon unlisted = NameLexicon.load(development.nameTokens());
    Score score = Score.of(Scanners.with(new PersonNameDetector(() -> unlisted)), development.passages());
    score.print("generated development passages, their " + development.nameTokens().size() + " names taken out of the lists");
    score.assertRecallAtLeast(FindingType.PERSON_NAME, 0.78).assertPrecisionAtLeast(0.95);
  }

  @Test
  void heldOutPartOfTheCorpus_meetsItsFloors() {
    Score score = Score.of(SCANNER, part(LabelledCorpus.Part.HELD_OUT));
    score.printHeldOut("corpus, held-out part");
    score.assertRecallAtLeast(0.95).assertPrecisionAtLeast(0.95);
  }

  @Test
  void handWrittenHeldOut_meetsItsFloors() {
    Score score = Score.of(SCANNER, handWritten);
    score.printHeldOut("hand-written held-out passages");
    score.assertRecallAtLeast(FindingType.PERSON_NAME, 0.93).assertOverallRecallAtLeast(0.95).assertPrecisionAtLeast(0.95)
        .assertLeftAtMost(2);
    for (FindingType type : FindingType.values()) {
      if (type != FindingType.PERSON_NAME) {
        score.assertRecallAtLeast(type, 0.95);
      }
    }
  }

  @Test
  void generatedHeldOut_meetsItsFloors() {
    Score score = Score.of(SCANNER, generated.passages());
    score.printHeldOut("generated held-out passages (seed " + HeldOutPassages.SEED + ")");
    score.assertRecallAtLeast(0.97).assertOverallRecallAtLeast(0.98).assertPrecisionAtLeast(0.97).assertLeftAtMost(5);
  }

  /**
   * The generated passages again, with every name they use taken out of the scanner's name lists:
   * what the context rules (titles, relatives, jobs, sign-offs, surnames, later mentions) find for
   * names that nobody listed.
   */
  @Test
  void generatedHeldOut_withItsNamesUnlisted_meetsItsFloors() {
    NameLexicon unlisted = NameLexicon.load(generated.nameTokens());
    Score score = Score.of(Scanners.with(new PersonNameDetector(() -> unlisted)), generated.passages());
    score.printHeldOut("generated held-out passages, their " + generated.nameTokens().size() + " names taken out of the lists");
    score.assertRecallAtLeast(FindingType.PERSON_NAME, 0.78).assertPrecisionAtLeast(0.95);
  }

  private static List<LabelledCorpus.Passage> part(LabelledCorpus.Part part) {
    return corpus.stream().filter(p -> p.part() == part).toList();
  }

  /** Recall per type, precision and identifiers left, with the misses and false alarms for the report. */
  static final class Score {

    final Map<FindingType, int[]> recall = new EnumMap<>(FindingType.class);
    int predicted;
    int correct;
    int exact;
    int gold;
    int left;
    final List<String> misses = new ArrayList<>();
    final List<String> falseAlarms = new ArrayList<>();
    private String report = "";

    static Score of(IdentifierScanner scanner, List<LabelledCorpus.Passage> passages) {
      Score s = new Score();
      for (LabelledCorpus.Passage passage : passages) {
        List<Finding> found = scanner.scan(passage.text()).findings();
        for (Finding g : passage.gold()) {
          s.gold++;
          int[] counts = s.recall.computeIfAbsent(g.type(), t -> new int[2]);
          counts[1]++;
          if (found.stream().anyMatch(f -> f.type() == g.type() && f.overlaps(g))) {
            counts[0]++;
          } else {
            s.misses.add(g.type() + " '" + g.text() + "' in: " + passage.text());
          }
          if (found.stream().noneMatch(f -> f.overlaps(g))) {
            s.left++;
          }
          if (found.stream().anyMatch(f -> f.type() == g.type() && f.start() == g.start() && f.end() == g.end())) {
            s.exact++;
          }
        }
        for (Finding f : found) {
          s.predicted++;
          if (passage.gold().stream().anyMatch(g -> g.type() == f.type() && g.overlaps(f))) {
            s.correct++;
          } else {
            s.falseAlarms.add(f.type() + " '" + f.text() + "' in: " + passage.text());
          }
        }
      }
      return s;
    }

    double precision() {
      return predicted == 0 ? 1 : (double) correct / predicted;
    }

    double recallOverall() {
      return gold == 0 ? 1 : recall.values().stream().mapToInt(c -> c[0]).sum() / (double) gold;
    }

    double recallOf(FindingType type) {
      int[] c = recall.get(type);
      return c == null ? 1 : (double) c[0] / c[1];
    }

    /**
     * Held-out misses are printed only on request ({@code -Danonymisation.heldOutDetails=true}), for
     * the report: rules are changed while reading the development part's misses only.
     */
    void print(String title) {
      print(title, true);
    }

    void printHeldOut(String title) {
      print(title, Boolean.getBoolean("anonymisation.heldOutDetails"));
    }

    void print(String title, boolean details) {
      StringBuilder out = new StringBuilder("\nAnonymisation accuracy: " + title + "\n");
      recall.forEach((type, c) -> out.append(String.format("  recall %-14s %3d/%3d = %.3f%n", type, c[0], c[1], (double) c[0] / c[1])));
      out.append(String.format("  recall overall %d/%d = %.3f; precision %d/%d = %.3f; exact-span recall %d/%d = %.3f;"
          + " identifiers left %d%n", gold - misses.size(), gold, recallOverall(), correct, predicted, precision(), exact, gold,
          gold == 0 ? 1.0 : (double) exact / gold, left));
      if (details) {
        misses.forEach(m -> out.append("  MISS ").append(m.replace('\n', ' ')).append('\n'));
        falseAlarms.forEach(m -> out.append("  FALSE ALARM ").append(m.replace('\n', ' ')).append('\n'));
      }
      report = out.toString();
      System.out.println(report);
    }

    Score assertRecallAtLeast(double floor) {
      recall.keySet().forEach(type -> assertThat(recallOf(type)).as("recall of " + type + report).isGreaterThanOrEqualTo(floor));
      return this;
    }

    Score assertRecallAtLeast(FindingType type, double floor) {
      assertThat(recallOf(type)).as("recall of " + type + report).isGreaterThanOrEqualTo(floor);
      return this;
    }

    Score assertOverallRecallAtLeast(double floor) {
      assertThat(recallOverall()).as("overall recall" + report).isGreaterThanOrEqualTo(floor);
      return this;
    }

    Score assertPrecisionAtLeast(double floor) {
      assertThat(precision()).as("precision" + report).isGreaterThanOrEqualTo(floor);
      return this;
    }

    Score assertLeftAtMost(int most) {
      assertThat(left).as("identifiers left" + report).isLessThanOrEqualTo(most);
      return this;
    }
  }
}
