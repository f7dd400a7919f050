package vn.khcn.workflow.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through the system's chromedriver: never a download (no Selenium
 * Manager, no WebDriverManager), a fresh profile per browser, Vietnamese as the browser language,
 * screenshots under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

  /** Debian's chromium-driver; env CHROMEDRIVER names another (e.g. a CI image's own). */
  static final File CHROMEDRIVER = binary("CHROMEDRIVER", "/usr/bin/chromedriver");
  /** Debian's chromium; env CHROMIUM names another Chromium or Chrome of the same version. */
  static final File CHROMIUM = binary("CHROMIUM", "/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** How Chromium 156 names an element of a page that is being replaced. */
  static final String REPLACED_NODE = "does not belong to the document";

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String baseUrl;
  private final Path profile;
  private final String testName;
  private int shots;

  private static File binary(String env, String standard) {
    String configured = System.getenv(env);
    return new File(configured == null || configured.isBlank() ? standard : configured);
  }

  /**
   * Skips the test when chromedriver or Chromium is not installed (a developer machine without
   * them); in CI ({@code CI} set), where they are installed, their absence fails the test instead.
   */
  static void assumeInstalled() {
    for (File binary : new File[] {CHROMEDRIVER, CHROMIUM}) {
      String missing = binary + " is missing (apt-get install chromium chromium-driver)";
      if (System.getenv("CI") != null) {
        Assertions.assertTrue(binary.canExecute(), missing);
      } else {
        Assumptions.assumeTrue(binary.canExecute(), missing);
      }
    }
  }

  /** A desktop browser window of the given size. */
  Browser(String baseUrl, String testName, int width, int height) {
    this(baseUrl, testName, width, height, false);
  }

  /**
   * A phone of the given screen size (chromedriver's mobile emulation: viewport meta honoured,
   * touch); a desktop window cannot be narrower than 500 px.
   */
  static Browser phone(String baseUrl, String testName, int width, int height) {
    return new Browser(baseUrl, testName, width, height, true);
  }

  private Browser(String baseUrl, String testName, int width, int height, boolean phone) {
    assumeInstalled();
    this.baseUrl = baseUrl;
    this.testName = testName;
    // the driver is given explicitly, so Selenium never asks Selenium Manager for one
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
    try {
      profile = Files.createTempDirectory("khcn-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile directory", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--lang=vi");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi,en"));
    if (phone) {
      options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
          "width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, TIMEOUT);
    // AngularJS redraws lists (auto-refresh, language change): look elements up again
    wait.ignoring(StaleElementReferenceException.class);
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  /** The path of the page the browser shows (no query, no fragment). */
  static String path(WebDriver driver) {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  <T> T until(Function<WebDriver, T> condition) {
    return wait.until(lookingUpAgain(condition));
  }

  WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return until(ExpectedConditions.elementToBeClickable(by));
  }

  /**
   * The condition, not yet met while the element it found belongs to a page being replaced.
   * Chromium 156 reports that as a plain {@link WebDriverException} ("Node with given id does
   * not belong to the document") rather than as a {@link StaleElementReferenceException}, which
   * the wait already ignores; any other failure still ends the wait.
   */
  static <T> Function<WebDriver, T> lookingUpAgain(Function<WebDriver, T> condition) {
    return d -> {
      try {
        return condition.apply(d);
      } catch (WebDriverException e) {
        if (e.getMessage() != null && e.getMessage().contains(REPLACED_NODE)) {
          return null;
        }
        throw e;
      }
    };
  }

  /**
   * Clicks the element once it is clickable, as a person would: scrolled to the middle of the
   * view first (Tasklist's fixed footer covers the bottom of the form), looked up again if the
   * page redrew it, tried again while something else still covers it.
   */
  void click(By by) {
    until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return false;
      }
      script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
      try {
        element.click();
      } catch (ElementClickInterceptedException covered) {
        return false;
      }
      return true;
    });
  }

  /** The element's text once it is visible, looking it up again if the page redrew it. */
  String text(By by) {
    return until(d -> {
      WebElement element = ExpectedConditions.visibilityOfElementLocated(by).apply(d);
      return element == null ? null : element.getText();
    });
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves a PNG of the viewport as target/screenshots/TestName-NN-step.png. */
  Path screenshot(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++shots, step));
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot save screenshot " + step, e);
    }
  }

  /** The steps of a test; on failure the page is kept (screenshot and HTML) before rethrowing. */
  interface Steps {
    void run() throws Exception;
  }

  void recordingFailure(Steps steps) throws Exception {
    try {
      steps.run();
    } catch (Exception | AssertionError failure) {
      try {
        Path shot = screenshot("failure");
        Files.writeString(shot.resolveSibling(shot.getFileName().toString().replace(".png", ".html")),
            driver.getPageSource());
      } catch (RuntimeException | IOException keep) {
        failure.addSuppressed(keep);
      }
      throw failure;
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
