package org.carevoice.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator shared by the benchmarks: N users, each sending its next request
 * when the answer to its last one has been read completely, for a fixed window. Every answer is
 * checked: its status and a marker always, the whole content every {@value #FULL_CHECK_EVERY}th
 * answer of a user (and every answer that looks wrong).
 */
final class ClosedLoop {

  /** Every n-th answer of a user is checked in full, not only for its status and a marker. */
  static final int FULL_CHECK_EVERY = 25;
  private static final Pattern REFERENCE = Pattern.compile("CV-\\d{4}-\\d{6,}");

  private ClosedLoop() {}

  /** What a request returned: its status, its body and a text that every good answer contains. */
  record Answer(int status, String body, String marker) {}

  /**
   * @param status the status of a good answer
   * @param action one request, for a random choice where the scenario has one
   * @param check the full check of an answer: null when it is right, otherwise what is wrong
   */
  record Scenario(String name, String request, int status, Function<Random, Answer> action,
      Function<Answer, String> check) {

    Scenario(String name, String request, Function<Random, Answer> action, Function<Answer, String> check) {
      this(name, request, 200, action, check);
    }

    boolean looksRight(Answer answer) {
      return answer.status() == status && answer.body().contains(answer.marker());
    }

    String check(Answer answer) {
      if (answer.status() != status) {
        return "HTTP " + answer.status();
      }
      if (!answer.body().contains(answer.marker())) {
        return "the answer does not contain " + answer.marker();
      }
      return check.apply(answer);
    }
  }

  record Result(Scenario scenario, int users, long[] latencies, double seconds, long errors, String firstError,
      String load) {

    double perSecond() {
      return latencies.length / seconds;
    }

    /** The quantile of the latencies in milliseconds (nearest rank). */
    double ms(double quantile) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return ms(sorted, quantile);
    }

    String row() {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return String.format(Locale.UK, "| %s | `%s` | %d | %,d | %,.0f | %.1f | %.1f | %.1f | %.0f | %s | %s |",
          scenario.name(), scenario.request(), users, sorted.length, sorted.length / seconds, ms(sorted, 0.50),
          ms(sorted, 0.95), ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
          errors == 0 ? "0" : errors + " (" + firstError + ")", load);
    }

    static double ms(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
  }

  /** Runs the scenario with this many users for this many seconds; the load is read at the end. */
  static Result run(Scenario scenario, int users, int seconds) throws InterruptedException {
    long[][] perUser = new long[users][];
    long[] errors = new long[users];
    AtomicReference<String> firstError = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(users);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] window = new long[2];
    for (int u = 0; u < users; u++) {
      int user = u;
      Thread thread = new Thread(() -> {
        long[] latencies = new long[4096];
        int count = 0;
        Random random = ThreadLocalRandom.current();
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        long until = window[1];
        while (System.nanoTime() < until) {
          long start = System.nanoTime();
          Answer answer = scenario.action().apply(random);
          long took = System.nanoTime() - start;
          String problem = scenario.looksRight(answer) && count % FULL_CHECK_EVERY != 0 ? null
              : scenario.check(answer);
          if (problem != null) {
            errors[user]++;
            firstError.compareAndSet(null, problem.length() > 200 ? problem.substring(0, 200) : problem);
          }
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = took;
        }
        perUser[user] = Arrays.copyOf(latencies, count);
      }, "bench-user-" + u);
      threads.add(thread);
      thread.start();
    }
    ready.await();
    window[0] = System.nanoTime();
    window[1] = window[0] + seconds * 1_000_000_000L;
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    long[] all = Arrays.stream(perUser).flatMapToLong(Arrays::stream).toArray();
    return new Result(scenario, users, all, elapsed, Arrays.stream(errors).sum(), firstError.get(),
        loadAverage().split(" ")[0]);
  }

  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static Answer get(HttpClient http, String url, String marker) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json").GET(),
        marker);
  }

  /** Sends the request (30 s time-out); a failure to connect or read is status -1. */
  static Answer send(HttpClient http, HttpRequest.Builder request, String marker) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), marker);
    } catch (IOException e) {
      return new Answer(-1, e.toString(), marker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, e.toString(), marker);
    }
  }

  /** The story references in an answer, each once, in order of appearance. */
  static List<String> references(String body) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = REFERENCE.matcher(body);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return List.copyOf(found);
  }

  /** The machine's load average over 1, 5 and 15 minutes. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
