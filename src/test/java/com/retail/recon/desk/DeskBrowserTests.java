package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk in a real browser: logging in and out, what each role sees in the bar and may open, a bundle
 * verified through htmx (the CSRF header), an export form, a user added, and markup in the data (a user named
 * with a script tag, bundle paths holding an img tag with an onerror handler) shown as text and never run.
 * Screenshots of every page go to target/screenshots/.
 */
class DeskBrowserTests extends BrowserTestBase {



    @Test
    void logInSeeTheDashboardAndLogOut() {
        browser.go("/");
        browser.waitFor(By.id("username"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        browser.screenshot("01-login");

        browser.logIn("finance", DeskFixture.PASSWORD);

        browser.waitFor(By.id("latest-run"));
        assertThat(browser.driver.findElement(By.id("user-name")).getText()).isEqualTo("finance");
        assertThat(browser.driver.findElement(By.id("latest-state")).getText()).isEqualTo("COMPLETED");
        browser.waitFor(By.id("bundle-intact")); // htmx loaded the verification after the page
        assertThat(browser.driver.findElements(By.cssSelector("#steps tbody tr"))).hasSizeGreaterThan(10);
        assertThat(browser.driver.findElements(By.cssSelector("#outcomes tbody tr"))).hasSize(4);
        browser.screenshot("02-dashboard");

        browser.logOut();
        browser.go("/runs");
        browser.waitFor(By.id("username"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aWrongPasswordSaysSoWithoutSayingWhetherTheNameExists() {
        browser.logIn("finance", "not the password");
        String wrongPassword = browser.waitFor(By.id("login-error")).getText();
        browser.screenshot("03-login-refused");

        browser.logIn("nobody-by-this-name", "not the password");
        assertThat(browser.waitFor(By.id("login-error")).getText()).isEqualTo(wrongPassword);
    }

    @Test
    void anAgentSeesOnlyTheDashboardAndIsRefusedTheRest() {
        browser.logIn("agent", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        assertThat(navigation()).containsExactly("Dashboard", "Queue");

        browser.go("/runs");
        assertThat(browser.waitFor(By.tagName("h2")).getText()).isEqualTo("Your role may not open this page");
        browser.screenshot("04-agent-refused");
        browser.go("/users");
        assertThat(browser.waitFor(By.tagName("h2")).getText()).isEqualTo("Your role may not open this page");
    }

    @Test
    void financeVerifiesABundleInPlace_andSeesTheExportForm() {
        browser.logIn("finance", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        assertThat(navigation()).containsExactly("Dashboard", "Queue", "Runs", "Exports");

        browser.go("/runs");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#runs tbody tr"));
        assertThat(rows).hasSize(4);
        browser.script("window.pageStayed = true");
        browser.driver.findElement(By.id("verify-button-2026-11-21-1")).click();
        browser.waitForText(By.id("verify-2026-11-21-1"), "Intact");
        assertThat(browser.script("return window.pageStayed")).as("htmx: no page load").isEqualTo(true);
        browser.screenshot("05-runs");
        browser.driver.findElement(By.cssSelector("#runs tbody tr:first-child details summary")).click();
        browser.waitFor(By.linkText("exceptions.csv"));
        browser.screenshot("05b-runs-ledgers");

        browser.go("/exports");
        browser.waitFor(By.id("download"));
        assertThat(browser.driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("2026-11-20");
        assertThat(browser.driver.findElement(By.id("to")).getAttribute("value")).isEqualTo("2026-11-23");
        browser.screenshot("06-exports");
    }

    @Test
    void anAdminAddsAUserAndMarkupInNamesAndPathsStaysText() {
        browser.logIn("admin", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        assertThat(navigation()).containsExactly("Dashboard", "Queue", "Runs", "Exports", "Users");

        browser.go("/users");
        String added = "<img src=x onerror=window.pwned=3> Dora";
        browser.waitFor(By.id("new-name")).sendKeys(added);
        browser.driver.findElement(By.id("new-password")).sendKeys("a new password");
        browser.driver.findElement(By.id("new-again")).sendKeys("a new password");
        browser.driver.findElement(By.id("add-user-button")).click();
        browser.waitFor(By.id("users-done"));
        List<String> names = browser.driver.findElements(By.cssSelector("#users td.user-name")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).contains(DeskFixture.HOSTILE_NAME, added, "admin", "agent");
        browser.screenshot("07-users");

        browser.go("/runs");
        browser.waitFor(By.id("runs"));
        assertThat(browser.driver.findElement(By.id("archives")).getText()).contains(DeskFixture.HOSTILE_ARCHIVE);
        assertThat(browser.driver.findElement(By.cssSelector("#runs tbody td[title]")).getAttribute("title"))
                .contains(DeskFixture.HOSTILE_ARCHIVE);
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.logOut();

        browser.logIn(DeskFixture.HOSTILE_NAME, DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        assertThat(browser.driver.findElement(By.id("user-name")).getText()).isEqualTo(DeskFixture.HOSTILE_NAME);
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.screenshot("08-hostile-name");
    }

    private List<String> navigation() {
        return browser.driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }
}
