package org.carevoice.browser;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for all the tests of a class; each test starts as a new visitor (no
 * cookies, desktop width) and leaves a screenshot named after it under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneBrowserPerClass {

  static final Dimension DESKTOP = new Dimension(1400, 2200);
  static final Dimension MOBILE = new Dimension(375, 812);

  private final String screenshotPrefix;

  ChromeDriver driver;
  WebDriverWait wait;
  String testName;

  /** @param screenshotPrefix the start of each screenshot's name, e.g. "staff-" */
  OneBrowserPerClass(String screenshotPrefix) {
    this.screenshotPrefix = screenshotPrefix;
  }

  @BeforeAll
  void startBrowser() throws Exception {
    driver = Browser.start();
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // A page being replaced by the next one while a wait reads it: look again.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void newVisitor(TestInfo info) {
    testName = info.getTestMethod().map(m -> m.getName()).orElse("test")
        + info.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
    driver.manage().window().setSize(DESKTOP);
    driver.manage().deleteAllCookies();
  }

  @AfterEach
  void keepScreenshot() {
    Browser.screenshot(driver, screenshotPrefix + testName);
  }
}
