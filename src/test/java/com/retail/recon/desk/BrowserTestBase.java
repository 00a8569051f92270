package com.retail.recon.desk;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One headless browser per test class against the running desk; each test starts logged out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase extends DeskTestBase {

    protected Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(url(""));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.driver.manage().deleteAllCookies();
    }
}
