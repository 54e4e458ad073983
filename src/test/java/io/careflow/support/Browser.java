package io.careflow.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver (as root: no sandbox, no GPU, a fresh profile folder). Without
 * them a browser test is skipped with the command that installs them — unless
 * {@code CAREFLOW_REQUIRE_BROWSER=true} (set by {@code .ci/run}), then it fails.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String INSTALL = "apt-get install -y chromium chromium-driver";

  private final ChromeDriver driver;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  public static Browser start(String testName) throws IOException {
    boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!installed) {
      String message = "Browser test needs Debian's Chromium and ChromeDriver: " + INSTALL;
      if ("true".equalsIgnoreCase(System.getenv("CAREFLOW_REQUIRE_BROWSER"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    Path home = Files.createDirectories(Path.of("target", "browser", testName));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .withEnvironment(Map.of(
            "XDG_CONFIG_HOME", home.resolve("config").toAbsolutePath().toString(),
            "XDG_CACHE_HOME", home.resolve("cache").toAbsolutePath().toString()))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory(home, "profile").toAbsolutePath());
    return new Browser(new ChromeDriver(service, options), home);
  }

  /**
   * Signs every request of this browser in as {@code user} (password = user name, the demo
   * users) with HTTP Basic, as careflow's own pages ask for: the header is sent without the
   * browser's login dialog, which a headless browser cannot answer.
   */
  public void basicAuth(String user) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of(
        "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /**
   * Types text into a field as an editing command. On Camunda's webapp pages, Debian's
   * Chromium 156 with ChromeDriver delivers no WebDriver key or mouse events at all (only
   * focus; a plain page receives them), while {@code insertText} raises the same input
   * events as typing, which AngularJS and form-js both listen to. Leaving the field
   * afterwards flushes form-js's debounced input into the form's state.
   */
  public void type(WebElement field, String text) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus();"
        + " document.execCommand('insertText', false, arguments[1]); arguments[0].blur();", field, text);
  }

  /**
   * Types into the field found by {@code locator} and waits until the page holds the text;
   * types again when the page re-rendered the field in between (form-js does after a claim).
   */
  public void type(By locator, String text) {
    waiting().until(d -> {
      WebElement field = d.findElement(locator);
      if (!String.valueOf(field.getDomProperty("value")).contains(text)) {
        type(field, text);
      }
      return d.findElement(locator).getDomProperty("value").contains(text);
    });
  }

  /**
   * Replaces what a field holds (a reply pre-filled from a canned reply) with {@code text}: selects
   * it all, then types over it as {@link #type(By, String)} does.
   */
  public void replace(By locator, String text) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].select();", driver.findElement(locator));
    type(locator, text);
  }

  /** Clicks an element the way the page's own handlers see a click (see {@link #type}). */
  public void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
  }

  /**
   * Runs browser steps; when they fail, keeps a screenshot of the page they failed on, its
   * HTML and the requests it finished (a request missing there is one the page still waits
   * for: once, under the whole suite, Tasklist stayed on its splash after a reload).
   */
  public void onFailureScreenshot(Steps steps) throws Exception {
    try {
      steps.run();
    } catch (Exception | AssertionError e) {
      screenshot("failure");
      Files.writeString(screenshots.resolve("failure.html"), driver.getPageSource());
      Files.writeString(screenshots.resolve("failure-requests.txt"), String.valueOf(
          ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
              + ".map(r => Math.round(r.startTime) + ' ms +' + Math.round(r.duration) + ' ms '"
              + " + (r.responseStatus || '') + ' ' + r.name).join('\\n');")));
      throw e;
    }
  }

  @FunctionalInterface
  public interface Steps {
    void run() throws Exception;
  }

  /** Signs in to Tasklist as a demo user (password = name) and waits for its filter list. */
  public void signInToTasklist(String baseUrl, String user) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/");
    type(waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
        org.openqa.selenium.By.cssSelector("input[placeholder='Username']"))), user);
    type(driver.findElement(org.openqa.selenium.By.cssSelector("input[placeholder='Password']")), user);
    click(driver.findElement(org.openqa.selenium.By.cssSelector("button[type='submit']")));
    waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
        org.openqa.selenium.By.cssSelector("[cam-tasklist-filters]")));
  }

  /**
   * Opens a task in Tasklist afresh and waits until its form shows what {@code shown} looks for.
   * Opened by address right after sign-in, Tasklist renders the form twice, dropping what was typed
   * meanwhile: the agent's view is the page reloaded. On a loaded machine Tasklist sometimes stays
   * on its splash after that reload with every script loaded; an agent reloads a stuck page once
   * more, and so does this (keeping a "splash-stuck" screenshot).
   */
  public void openTask(String baseUrl, String taskId, java.util.function.Function<WebDriver, Boolean> shown)
      throws IOException {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
    driver.navigate().refresh();
    try {
      waiting().until(shown);
    } catch (org.openqa.selenium.TimeoutException stuck) {
      screenshot("splash-stuck");
      driver.navigate().refresh();
      waiting().until(shown);
    }
  }

  /** Where the docs' pictures live; renewed only on request, so a build leaves the tree as committed. */
  public static final Path DOC_PICTURES = Path.of("docs", "screenshots");

  /**
   * With {@code CAREFLOW_DOC_SCREENSHOTS=true}, renews the docs' picture {@code fileName} from this
   * screenshot; otherwise leaves docs/screenshots as committed (every build would change them).
   */
  public static void renewDocPicture(Path screenshot, String fileName) throws IOException {
    if ("true".equalsIgnoreCase(System.getenv("CAREFLOW_DOC_SCREENSHOTS"))) {
      Files.createDirectories(DOC_PICTURES.resolve(fileName).getParent());
      Files.copy(screenshot, DOC_PICTURES.resolve(fileName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Keeps a screenshot under target/browser/ as a test artifact. */
  public Path screenshot(String name) throws IOException {
    Path file = screenshots.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
