package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case and request pages in a real browser: an agent reads case 11's explain (another date through htmx,
 * without a page load), finance resolves case 8 with a note and sees the event in the timeline, an agent is
 * refused an exception case, and markup in the inbox (CR-1009's customer id is a script tag, its reason an img
 * tag with an onerror handler) is shown as text and never runs. Screenshots go to target/screenshots/.
 */
class CasePageBrowserTests extends BrowserTestBase {



    @Test
    void anAgentReadsTheWorkingOfAnOverdueCase_andHostileDataStaysText() {
        browser.logIn("agent", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        browser.go("/cases/11");
        browser.waitFor(By.id("explain"));
        assertThat(browser.driver.findElement(By.id("case-title")).getText()).isEqualTo("Case 11 · REFUND_FAILED");
        assertThat(browser.driver.findElement(By.id("case-overdue")).getText()).startsWith("overdue");
        assertThat(browser.driver.findElement(By.cssSelector(".outcome-rows tr.deciding")).getText())
                .contains("REFUND_FAILED");
        assertThat(browser.driver.findElement(By.cssSelector(".worked .hostile-safe")).getText())
                .isEqualTo(DeskFixture.HOSTILE_CUSTOMER);
        assertThat(browser.driver.findElement(By.cssSelector(".worked .reason")).getText())
                .isEqualTo(DeskFixture.HOSTILE_REASON);
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.screenshot("10-case-agent");

        browser.script("window.pageStayed = true");
        browser.driver.findElement(By.id("date-2026-11-21")).click();
        browser.waitForText(By.cssSelector("#explain .verdict-date"), "2026-11-21");
        assertThat(browser.script("return window.pageStayed")).as("htmx: no page load").isEqualTo(true);
        assertThat(browser.driver.findElement(By.cssSelector("#explain .date-tabs a.active")).getAttribute("id"))
                .isEqualTo("date-2026-11-21");
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.screenshot("11-case-agent-earlier-date");

        browser.driver.findElement(By.id("request-link")).click();
        browser.waitFor(By.id("explain-dates"));
        assertThat(browser.driver.findElements(By.cssSelector("#explain-dates tbody tr"))).hasSizeGreaterThan(1);
        assertThat(browser.driver.findElements(By.cssSelector("#request-cases tbody tr"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.cssSelector(".day details[open] .hostile-safe")).getText())
                .isEqualTo(DeskFixture.HOSTILE_CUSTOMER);
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.screenshot("12-request");
    }

    @Test
    void financeResolvesAnExceptionWithANote_andSeesTheEvent() {
        browser.logIn("finance", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        browser.go("/cases/8");
        browser.waitFor(By.id("explain"));
        int eventsBefore = browser.driver.findElements(By.cssSelector("#events li")).size();
        String note = "Settled on a rejected request: payments confirm the customer keeps it <b>ok</b>";
        browser.driver.findElement(By.id("resolve-note")).sendKeys(note);
        browser.screenshot("13-case-finance-before");
        browser.driver.findElement(By.id("resolve-accepted")).click();
        assertThat(browser.waitFor(By.id("action-done")).getText()).contains("case 8 is ACCEPTED");
        List<WebElement> events = browser.driver.findElements(By.cssSelector("#events li"));
        assertThat(events).hasSize(eventsBefore + 1);
        WebElement last = events.get(events.size() - 1);
        assertThat(last.findElement(By.cssSelector(".actor")).getText()).isEqualTo("finance");
        assertThat(last.findElement(By.cssSelector(".action")).getText()).isEqualTo("resolve");
        assertThat(last.findElement(By.cssSelector(".note")).getText()).isEqualTo(note);
        assertThat(last.getText()).contains("ACCEPTED");
        assertThat(browser.driver.findElement(By.id("case-state")).getText()).isEqualTo("ACCEPTED");
        browser.screenshot("14-case-finance-resolved");

    }

    @Test
    void anAgentCannotReachAnExceptionCase() {
        browser.logIn("agent", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        browser.go("/cases/4");
        assertThat(browser.waitFor(By.tagName("h2")).getText()).isEqualTo("Your role may not open this page");
        browser.screenshot("16-agent-exception-refused");
    }

    @Test
    void anAuditorReadsAnExceptionCaseAndMayNotWorkIt() {
        browser.logIn("auditor", DeskFixture.PASSWORD);
        browser.waitFor(By.id("latest-run"));
        browser.go("/cases/4");
        browser.waitFor(By.id("explain"));
        assertThat(browser.driver.findElement(By.id("read-only")).getText()).contains("Your role reads this case");
        assertThat(browser.driver.findElements(By.tagName("textarea"))).isEmpty();
        browser.screenshot("17-case-auditor-exception");
    }
}
