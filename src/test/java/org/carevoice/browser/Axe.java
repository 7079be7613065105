package org.carevoice.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the page under test: the script the Maven build installs from npm
 * (src/main/frontend/node_modules/axe-core), injected through WebDriver. ChromeDriver evaluates
 * the script over the DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
final class Axe {

  /** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
  static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final String RUN = """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
        .then(result => done({violations: result.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary}))
        }))}))
        .catch(error => done({error: String(error)}));
      """;

  private static String source;

  private Axe() {}

  /** The axe-core script; the build must have run (`./mvnw generate-resources` or any later phase). */
  static synchronized String source() {
    if (source == null) {
      Path file = Path.of(System.getProperty("basedir", "."), "src", "main", "frontend", "node_modules", "axe-core",
          "axe.min.js");
      if (!Files.isReadable(file)) {
        throw new IllegalStateException(file.toAbsolutePath() + " is missing: run ./mvnw generate-resources first "
            + "(it installs the front end and axe-core from npm)");
      }
      try {
        source = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  /** The violations on the page the browser shows now, as a readable list; empty when there are none. */
  @SuppressWarnings("unchecked")
  static String violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(source());
    }
    Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN, TAGS);
    if (result.get("error") != null) {
      throw new IllegalStateException("axe-core could not run on " + driver.getCurrentUrl() + ": " + result.get("error"));
    }
    StringBuilder report = new StringBuilder();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result.get("violations")) {
      report.append("\n- ").append(violation.get("id")).append(" (").append(violation.get("impact")).append("): ")
          .append(violation.get("help")).append("\n  ").append(violation.get("helpUrl"));
      for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
        report.append("\n    at ").append(node.get("target"))
            .append("\n       ").append(oneLine(node.get("html"), 300))
            .append("\n       ").append(oneLine(node.get("summary"), 400));
      }
    }
    return report.toString();
  }

  /** Fails with every violation (rule, impact, help, selectors, markup) when axe finds any. */
  static void assertNoViolations(WebDriver driver, String page) {
    String violations = violations(driver);
    if (!violations.isEmpty()) {
      Browser.screenshot(driver, "axe-" + page.replaceAll("[^A-Za-z0-9-]+", "_"));
      throw new AssertionError("axe-core (" + String.join(", ", TAGS) + ") found accessibility violations on "
          + page + " (" + driver.getCurrentUrl() + "):" + violations);
    }
  }

  private static String oneLine(Object text, int max) {
    String line = String.valueOf(text).replaceAll("\\s+", " ").trim();
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }
}
