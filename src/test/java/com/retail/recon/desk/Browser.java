package com.retail.recon.desk;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless chromium through /usr/bin/chromedriver, both given by path so that Selenium Manager never
 * goes to the network. Without them the browser tests are skipped, saying so, unless RECON_REQUIRE_BROWSER is
 * set (CI sets it, so that a missing browser fails the build); a started browser leaves
 * target/browser-tests-ran behind, as the PostgreSQL tests leave target/postgres-tests-ran.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RECON_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("RECON_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base) {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing != null) {
            if (System.getenv("RECON_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("A browser is required (RECON_REQUIRE_BROWSER) but " + missing
                        + " is missing: apt-get install --no-install-recommends chromium chromium-driver");
            }
            Assumptions.abort("Browser tests skipped: no " + missing
                    + " (apt-get install --no-install-recommends chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,900",
                "--lang=en-US", "--disable-gpu", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options), base);
        markBrowserUsed();
        return browser;
    }

    private static void markBrowserUsed() {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "browser-tests-ran"), CHROMIUM + " via " + CHROMEDRIVER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void logIn(String name, String password) {
        go("/login");
        waitFor(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    void logOut() {
        driver.findElement(By.id("logout")).click();
        waitFor(By.id("logged-out"));
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** The whole page (the window grown to its height) as target/screenshots/NAME.png. */
    Path screenshot(String name) {
        try {
            Number height = (Number) script("return Math.max(document.body.scrollHeight, 600)");
            driver.manage().window().setSize(new Dimension(1360, Math.min(height.intValue() + 140, 4000)));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1360, 900));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
