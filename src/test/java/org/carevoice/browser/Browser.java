package org.carevoice.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.carevoice.RequiredService;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium, driven through Debian's ChromeDriver (no browser downloads). */
final class Browser {

  static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

  private Browser() {}

  static ChromeDriver start() throws Exception {
    RequiredService.require(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Chromium (" + CHROMIUM + ") with ChromeDriver (" + CHROMEDRIVER + ")");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,2200",
        "--user-data-dir=" + Files.createTempDirectory("carevoice-chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  /** Keeps a picture of the page for whoever reads a failed build. */
  static void screenshot(WebDriver driver, String name) {
    try {
      Path target = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (Exception ignored) {
      // A missing screenshot must not hide the real failure.
    }
  }
}
