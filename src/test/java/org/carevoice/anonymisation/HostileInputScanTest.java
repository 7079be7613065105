package org.carevoice.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever an author sends, the identifier scan takes time in proportion to its length: 20,000
 * characters (the longest story) of any detector's trigger characters ("a." for an email address,
 * "my son" and spaces for a relative's name, digits for phone numbers ...) cost at most
 * {@link #MAX_RATIO} times what 20,000 characters of an ordinary story cost.
 *
 * <p>Where the bound sits: the slowest linear input, dense digits that libphonenumber parses one
 * candidate at a time, costs 15 to 40 times an ordinary story; the super-linear patterns this test
 * was written against cost 200 to 2,000 times as much at this length (20 KB of "a." took 21-30 s,
 * an ordinary story of that length 10-40 ms).
 *
 * <p>No absolute times: the ordinary stories are scanned in the same run, just before each hostile
 * text, so a loaded machine slows both. Each ratio is the median of {@link #REPETITIONS} after a
 * warm-up. See docs/performance.md, "Identifier scan on hostile input".
 */
class HostileInputScanTest {

  static final int LENGTH = 20_000;
  static final double MAX_RATIO = 100;
  static final int REPETITIONS = 5;

  private static final IdentifierScanner SCANNER = Scanners.standard();
  private static List<String> stories;

  @BeforeAll
  static void warmUp() throws Exception {
    stories = AnonymisationBenchmark.stories(3, 1_000);
    for (int i = 0; i < 300; i++) {
      SCANNER.scan(stories.get(i % stories.size()));
    }
  }

  /** Each detector's trigger characters repeated to 20,000 characters, or a trigger followed by spaces. */
  static Stream<Arguments> hostileInputs() {
    return Stream.of(
        // email addresses, written and spoken
        repeated("a."), repeated("aa."), repeated("a-"), repeated("0-"), repeated("1.1."), repeated("a@"),
        repeated("@"), repeated("a@b.co "), repeated("a at "), repeated("a dot "), spaced("anne at"),
        // links
        repeated("www."), repeated("a.co"), repeated("http://"), repeated("http://a.co/"),
        // phone, NHS and CHI numbers
        repeated("0"), repeated("0 "), repeated("07700 "), repeated("+44 "), repeated("(0)"), repeated("1/"),
        repeated("123 456 7890 "), repeated("9434765919 "), repeated("chi "), repeated("ext "),
        // postcodes and addresses
        repeated("ML3 "), repeated("ML3 0TA "), repeated("St "), repeated("1 Aa "), repeated("1 Aa Aa St "),
        repeated("flat 1/"), spaced("1 Aa"),
        // dates of birth
        repeated("born "), repeated("born on 1 "), repeated("dob "), repeated("date of birth "), spaced("dob"),
        spaced("date of birth"),
        // names
        repeated("A "), repeated("Aa "), repeated("Dr "), repeated("Dr. "), repeated("Dr Smith "), repeated("Sister "),
        repeated("Jenny "), repeated("Jenny Brown "), repeated("called "), repeated("my son "), repeated("my son Tam "),
        spaced("my son"), repeated("Mc"), repeated("O'"),
        // issue 13: ages, birth dates with words between, relatives with describing words, jobs, sign-offs, blocks
        repeated("aged "), repeated("is 93 "), repeated("93-year-old "), repeated("born on a "), repeated("born a, "),
        repeated("1948-03-"), repeated("3 March "), repeated("my late wee "), repeated("my son Raghav Menon, "),
        repeated("Priya the physio "), repeated("the physio Chidi "), repeated("Thanks, Sam\n"), repeated("I'm Sam "),
        repeated("St Andrew's "), repeated("Queen "), repeated("Lily Hill "), repeated("Xiuying "), repeated("in Wishaw "),
        repeated("CHI 1234567890 "), repeated("NHS number "),
        // separators
        repeated(" "), repeated("\n"), repeated(", "), repeated("."), repeated("-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void hostileText_isScannedInTimeInProportionToItsLength(String name, String text) {
    double warmUpMs = millisToScan(text);
    double warmUpRatio = warmUpMs / ordinaryStoryMillisFor(text.length());
    // A quadratic scan takes seconds a time: a warm-up this far over the bound says enough.
    if (warmUpRatio > 4 * MAX_RATIO) {
      assertThat(warmUpRatio)
          .as("%s, %,d characters: %.0f ms for one scan, %.0f times an ordinary story of the same length", name,
              text.length(), warmUpMs, warmUpRatio)
          .isLessThanOrEqualTo(MAX_RATIO);
    }
    double[] ratios = new double[REPETITIONS];
    double[] hostileMs = new double[REPETITIONS];
    for (int i = 0; i < REPETITIONS; i++) {
      double ordinaryMs = ordinaryStoryMillisFor(text.length());
      hostileMs[i] = millisToScan(text);
      ratios[i] = hostileMs[i] / ordinaryMs;
    }

    System.out.printf(Locale.UK, "hostile scan %-30s %8.1f ms, %5.1f times an ordinary story%n", name, median(hostileMs),
        median(ratios));
    assertThat(median(ratios))
        .as("%s, %,d characters: %.1f ms a scan (median of %d), %.1f times an ordinary story of the same length", name,
            text.length(), median(hostileMs), REPETITIONS, median(ratios))
        .isLessThanOrEqualTo(MAX_RATIO);
  }

  /** Time to scan ordinary stories, per character, times {@code length}. */
  private static double ordinaryStoryMillisFor(int length) {
    double millis = 0;
    int characters = 0;
    for (String story : stories) {
      millis += millisToScan(story);
      characters += story.length();
    }
    return millis * length / characters;
  }

  private static double millisToScan(String text) {
    long start = System.nanoTime();
    ScanResult result = SCANNER.scan(text);
    double millis = (System.nanoTime() - start) / 1e6;
    // The scan's result is used, so no part of it can be optimised away.
    assertThat(result.redactedText()).isNotNull();
    return millis;
  }

  private static Arguments repeated(String unit) {
    StringBuilder text = new StringBuilder(LENGTH);
    while (text.length() + unit.length() <= LENGTH) {
      text.append(unit);
    }
    return Arguments.of("\"" + unit.replace("\n", "\\n") + "\" repeated", text.toString());
  }

  private static Arguments spaced(String head) {
    return Arguments.of("\"" + head + "\" and spaces", head + " ".repeat(LENGTH - head.length()));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
