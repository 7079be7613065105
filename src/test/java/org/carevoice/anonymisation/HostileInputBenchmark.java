package org.carevoice.anonymisation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Scan time of the hostile inputs of {@link HostileInputScanTest} at 5, 10 and 20 KB, and at
 * 20 KB the ratio to ordinary 1,000-word stories of the same length scanned just before (median
 * of 5 after a warm-up; one run when a scan takes over 2 s). Not a test: run it and copy the
 * table into docs/performance.md.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carevoice.anonymisation.HostileInputBenchmark</pre>
 */
public final class HostileInputBenchmark {

  private static final int[] LENGTHS = {5_000, 10_000, 20_000};
  private static final int REPETITIONS = 5;

  private HostileInputBenchmark() {}

  public static void main(String[] args) throws Exception {
    IdentifierScanner scanner = Scanners.standard();
    List<String> stories = AnonymisationBenchmark.stories(3, 1_000);
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    for (int i = 0; System.nanoTime() < warmUntil; i++) {
      scanner.scan(stories.get(i % stories.size()));
    }
    double[] ordinary = new double[20];
    for (int i = 0; i < ordinary.length; i++) {
      ordinary[i] = ordinaryMillisFor(scanner, stories, 20_000);
    }
    System.out.printf(Locale.UK, "ordinary stories: %.1f ms per 20,000 characters (median of %d)%n%n", median(ordinary),
        ordinary.length);
    System.out.println("| input | 5 KB ms | 10 KB ms | 20 KB ms | 20 KB / ordinary |");
    System.out.println("|---|---:|---:|---:|---:|");
    HostileInputScanTest.hostileInputs().map(Arguments::get).forEach(arguments -> {
      String name = (String) arguments[0];
      String text = (String) arguments[1];
      StringBuilder row = new StringBuilder("| `" + name.replace("|", "\\|") + "` |");
      double ratio = 0;
      for (int length : LENGTHS) {
        double[] millisAndRatio = measure(scanner, stories, text.substring(0, Math.min(length, text.length())));
        row.append(String.format(Locale.UK, " %.1f |", millisAndRatio[0]));
        ratio = millisAndRatio[1];
      }
      System.out.println(row.append(String.format(Locale.UK, " %.1f |", ratio)));
    });
  }

  /** Median milliseconds of a scan of {@code text}, and median ratio to ordinary stories of its length. */
  private static double[] measure(IdentifierScanner scanner, List<String> stories, String text) {
    double warmUp = millisToScan(scanner, text);
    if (warmUp > 2_000) {
      return new double[] {warmUp, warmUp / ordinaryMillisFor(scanner, stories, text.length())};
    }
    double[] millis = new double[REPETITIONS];
    double[] ratios = new double[REPETITIONS];
    for (int i = 0; i < REPETITIONS; i++) {
      double ordinary = ordinaryMillisFor(scanner, stories, text.length());
      millis[i] = millisToScan(scanner, text);
      ratios[i] = millis[i] / ordinary;
    }
    return new double[] {median(millis), median(ratios)};
  }

  private static double ordinaryMillisFor(IdentifierScanner scanner, List<String> stories, int length) {
    double millis = 0;
    int characters = 0;
    for (String story : stories) {
      millis += millisToScan(scanner, story);
      characters += story.length();
    }
    return millis * length / characters;
  }

  private static double millisToScan(IdentifierScanner scanner, String text) {
    long start = System.nanoTime();
    if (scanner.scan(text).redactedText() == null) {
      throw new IllegalStateException("A scan always proposes a text");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
