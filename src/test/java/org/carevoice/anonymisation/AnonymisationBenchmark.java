package org.carevoice.anonymisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scan throughput on 1,000-word stories built from the labelled corpus (identifiers included).
 * Not a test: run it on a quiet machine and copy the numbers into docs/performance.md.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carevoice.anonymisation.AnonymisationBenchmark</pre>
 */
public final class AnonymisationBenchmark {

  private AnonymisationBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> stories = stories(20, 1_000);
    IdentifierScanner scanner = Scanners.standard();
    System.out.printf(Locale.UK, "load average before: %s%n", loadAverage());
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    long loadStart = System.nanoTime();
    scanner.scan(stories.get(0));
    double firstScanMs = (System.nanoTime() - loadStart) / 1e6;
    System.gc();
    long heapAfter = runtime.totalMemory() - runtime.freeMemory();
    System.out.printf(Locale.UK, "first scan (loads the name lexicon): %.0f ms; heap after it %+.1f MB; lexicon %,d words in %.1f MB%n",
        firstScanMs, (heapAfter - heapBefore) / 1e6, NameLexicon.standard().size(), NameLexicon.standard().approximateBytes() / 1e6);
    int findings = 0;
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    for (int i = 0; System.nanoTime() < warmUntil; i++) {
      findings += scanner.scan(stories.get(i % stories.size())).findings().size();
    }
    List<Double> rates = new ArrayList<>();
    List<Double> latencies = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      long until = start + 3_000_000_000L;
      int scanned = 0;
      while (System.nanoTime() < until) {
        long one = System.nanoTime();
        long oneCpu = threads.getCurrentThreadCpuTime();
        findings += scanner.scan(stories.get(scanned % stories.size())).findings().size();
        cpu.add((threads.getCurrentThreadCpuTime() - oneCpu) / 1e6);
        latencies.add((System.nanoTime() - one) / 1e6);
        scanned++;
      }
      rates.add(scanned / ((System.nanoTime() - start) / 1e9));
    }
    latencies.sort(Double::compare);
    cpu.sort(Double::compare);
    System.out.printf(Locale.UK, "CPU time per 1,000-word story: p50 %.2f ms, p95 %.2f ms%n", cpu.get(cpu.size() / 2),
        cpu.get((int) (cpu.size() * 0.95)));
    System.out.printf(Locale.UK, "stories/s per round: %s%n", rates.stream().map(r -> String.format(Locale.UK, "%.0f", r)).toList());
    System.out.printf(Locale.UK, "latency per 1,000-word story: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d scans, %d findings)%n",
        latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.95)),
        latencies.get((int) (latencies.size() * 0.99)), latencies.size(), findings);
    System.out.printf(Locale.UK, "load average after: %s%n", loadAverage());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Stories of about the given number of words, each a different mix of corpus passages. */
  static List<String> stories(int count, int words) throws Exception {
    List<LabelledCorpus.Passage> corpus = LabelledCorpus.load();
    List<String> stories = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      StringBuilder story = new StringBuilder();
      for (int i = s; story.toString().split("\\s+").length < words; i += 7) {
        story.append(corpus.get(i % corpus.size()).text()).append(' ');
      }
      stories.add(story.toString());
    }
    return stories;
  }
}
