package com.retail.recon.desk;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue in a real browser: an agent logs in, sees the case figures on the dashboard, filters the queue to
 * overdue HIGH (htmx: no page load), bulk-acks the three escalations and sees them IN_PROGRESS, then sees a
 * refusal listed with nothing changed. Screenshots go to target/screenshots/2x-*.png.
 */
class DeskQueueBrowserTests extends BrowserTestBase {


    @Test
    void anAgentFiltersToOverdueHigh_bulkAcksThreeCases_andSeesARefusal() {
        browser.logIn("agent", DeskFixture.PASSWORD);
        browser.waitFor(By.id("case-figures"));
        assertThat(browser.driver.findElement(By.cssSelector("#figure-overdue-high .value")).getText()).isEqualTo("1");
        browser.screenshot("20-dashboard-cases-agent");

        browser.driver.findElement(By.linkText("Queue")).click();
        browser.waitFor(By.id("cases"));
        assertThat(rowIds()).containsExactly("case-11", "case-18", "case-21");
        browser.screenshot("21-queue-agent");

        browser.script("window.pageStayed = true");
        browser.driver.findElement(By.id("quick-overdue-high")).click();
        browser.waitFor(By.cssSelector("#quick-overdue-high.on"));
        assertThat(rowIds()).containsExactly("case-11");
        assertThat(browser.driver.findElement(By.id("case-11")).getAttribute("class")).contains("overdue");
        assertThat(browser.driver.findElement(By.cssSelector("#case-11 td.due")).getText()).contains("Overdue");
        assertThat(browser.driver.getCurrentUrl()).contains("overdue=true").contains("priority=HIGH");
        assertThat(browser.script("return window.pageStayed")).as("htmx: no page load").isEqualTo(true);
        browser.screenshot("22-queue-overdue-high");

        browser.driver.findElement(By.linkText("All open")).click();
        browser.waitFor(By.id("case-21"));
        for (String id : List.of("11", "18", "21")) {
            browser.driver.findElement(By.id("pick-" + id)).click();
        }
        browser.driver.findElement(By.id("bulk-ack")).click();
        assertThat(browser.waitFor(By.id("queue-done")).getText()).isEqualTo("Acknowledged 3 cases (11, 18, 21).");
        for (String id : List.of("11", "18", "21")) {
            assertThat(browser.driver.findElement(By.cssSelector("#case-" + id + " .st-IN_PROGRESS")).getText())
                    .isEqualTo("IN_PROGRESS");
            assertThat(browser.driver.findElement(By.cssSelector("#case-" + id + " td.assignee")).getText())
                    .isEqualTo("agent");
        }
        assertThat(browser.script("return window.pageStayed")).isEqualTo(true);
        browser.screenshot("23-queue-bulk-ack");

        browser.driver.findElement(By.id("pick-11")).click();
        browser.driver.findElement(By.id("pick-18")).click();
        browser.driver.findElement(By.id("bulk-ack")).click();
        String refusals = browser.waitFor(By.id("queue-problems")).getText();
        assertThat(refusals).contains("Nothing was changed").contains("case 11 is IN_PROGRESS: ack is not allowed")
                .contains("case 18 is IN_PROGRESS: ack is not allowed");
        assertThat(browser.driver.findElement(By.id("pick-11")).isSelected()).as("the ticks stay").isTrue();
        browser.screenshot("24-queue-refused");
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.logOut();
    }

    @Test
    void financeSeesEveryCase_andWorksTheExceptionsOnly() {
        browser.driver.manage().deleteAllCookies();
        browser.logIn("finance", DeskFixture.PASSWORD);
        browser.waitFor(By.id("case-figures"));
        browser.screenshot("25-dashboard-cases-finance");
        browser.go("/cases");
        browser.waitFor(By.id("cases"));
        assertThat(rowIds()).hasSize(9);
        assertThat(browser.driver.findElements(By.id("pick-11"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("pick-4"))).hasSize(1);
        browser.screenshot("26-queue-finance");

        // a filter applies as soon as it changes (js/queue.js), and htmx swaps the queue only
        browser.script("window.pageStayed = true");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("kind"))).selectByValue("EXCEPTION");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> rowIds().size() == 6);
        assertThat(browser.driver.getCurrentUrl()).contains("kind=EXCEPTION");
        assertThat(browser.script("return window.pageStayed")).isEqualTo(true);
        browser.logOut();
    }

    private List<String> rowIds() {
        return browser.driver.findElements(By.cssSelector("#cases tbody tr")).stream()
                .map(row -> row.getAttribute("id")).toList();
    }
}
