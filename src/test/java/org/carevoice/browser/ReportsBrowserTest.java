package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.reporting.ReportDataSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The managers' reports in headless Chromium: axe-core finds no violation on the report (whole and
 * filtered, with its SVG charts and tables), the overdue list, the 400 page and the 403 page, at
 * desktop width and at 375 px; the charts are drawn (no CSP refusal leaves them empty) and the
 * page has no horizontal scroll on a phone but for its tables' own scrolling regions. Shares the
 * Spring context of {@link AccessibilityBrowserTest}; the figures are the reports' known data set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsBrowserTest {

  private static final Dimension DESKTOP = new Dimension(1400, 2200);
  private static final Dimension MOBILE = new Dimension(375, 812);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationService organisation;

  ChromeDriver driver;
  WebDriverWait wait;
  String signedIn;

  @BeforeAll
  void startBrowser() throws Exception {
    ReportDataSet.load(jdbc, organisation);
    driver = Browser.start();
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  static Stream<Arguments> pages() {
    List<Object[]> pages = List.of(
        new Object[] {"report, all services", "fiona", "/staff/reports", "Report for all services"},
        new Object[] {"report, test board, June 2025", "fiona", "/staff/reports?organisation=rt-board&from=2025-06-15",
            "Report for Report Test Board"},
        new Object[] {"report, one service, custom period, sorted", "fiona",
            "/staff/reports?service=rt-a1&period=custom&from=2025-05-01&to=2025-07-31&sort=rate", "Report for Ward A1"},
        new Object[] {"report, manager's own services", "graham", "/staff/reports", "Report for your services"},
        new Object[] {"overdue list", "fiona", "/staff/reports/overdue?organisation=rt-board",
            "Stories overdue for a response"},
        new Object[] {"report with wrong values (400)", "fiona", "/staff/reports?period=week&from=2025-13-01&sort=x",
            "Reports"},
        new Object[] {"report not allowed (403)", "craig", "/staff/reports", "You cannot see this report"});
    return Stream.of(DESKTOP, MOBILE).flatMap(size -> pages.stream()
        .map(page -> Arguments.of(page[0] + (size == MOBILE ? " at 375 px" : " at desktop width"), page[1], page[2],
            page[3], size)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void reportPage_hasNoViolations(String name, String user, String path, String heading, Dimension size) {
    driver.manage().window().setSize(size);
    signIn(user);
    open(path);
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(heading);
    if (path.contains("rt-board&from")) {
      // The charts are drawn: bars with widths, lines with points.
      assertThat(driver.findElements(By.cssSelector("svg[role='img'] rect[width]"))).isNotEmpty();
      assertThat(driver.findElements(By.cssSelector("svg[role='img'] polyline"))).isNotEmpty();
      Number barWidth = (Number) driver.executeScript(
          "return document.querySelector('svg[role=img] rect[width]').getBoundingClientRect().width");
      assertThat(barWidth.doubleValue()).isPositive();
    }
    if (size == MOBILE) {
      assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(400);
      assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
          .as("no sideways scroll of the page itself").isLessThanOrEqualTo(400);
    }
    Axe.assertNoViolations(driver, name);
    Browser.screenshot(driver, "reports-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
  }

  private void signIn(String user) {
    if (user.equals(signedIn)) {
      return;
    }
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
    signedIn = user;
  }

  private void open(String path) {
    driver.get("http://localhost:" + port + path);
    wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return document.readyState === 'complete' && document.body.classList.contains('js-enabled')")));
  }
}
