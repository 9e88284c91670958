package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Persian-speaking district head in a real browser (Debian's chromium and chromium-driver, headless, its language
 * set to English to show that Persian is the default): signs in to Tasklist, finds the site verification in their
 * filter, fills the Persian form and sees the task gone; then the directorate reads the dashboard, whose numbers
 * must be those of /api/readiness. Skipped where no browser is installed, except on CI (CI=true), where that fails.
 * Screenshots go to target/screenshots, or to the folder named by -Dscreenshots.dir (docs/images for README).
 */
@PostgresAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersianBrowserIT {

    static final String PASSWORD = "it-password-1405";
    static final String HOSTILE_NAME = "[پیوند](http://127.0.0.1:9/x) <img id=\"injected\" src=\"http://127.0.0.1:9/i.png\">";
    static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private LoopbackLinkServer links;
    private RestClient rest;
    private Path screenshots;

    @BeforeAll
    void givenABrowserAndAStationAwaitingItsSiteVisit() throws IOException {
        String chromium = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        String driver = DRIVERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (chromium == null || driver == null) {
            String why = "No chromium and chromedriver here (looked for " + BROWSERS + " and " + DRIVERS
                    + "); install Debian's chromium and chromium-driver to run the browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ". CI=true: .ci/run must install them.");
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(screenshots);

        Officials.user(identity, "head-ahvaz", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "directorate", "province-elections-khuzestan", PASSWORD);
        User head = identity.createUserQuery().userId("head-ahvaz").singleResult();
        head.setFirstName("بخشدار");
        head.setLastName("مرکزی اهواز");
        identity.saveUser(head);
        links = LoopbackLinkServer.start();
        TestRegistry registry = new TestRegistry(jdbc);
        registry.district("ahvaz-central", "ahvaz", "مرکزی");
        jdbc.update("INSERT INTO station (code, name, county_code, district_code, address, expected_voters, capacity)"
                + " VALUES ('AHV-S1', 'شعبه ۱ اهواز - دبستان سعدی', 'ahvaz', 'ahvaz-central', 'خیابان امام، پلاک ۱۲',"
                + " 420, 900)");
        registry.link("AHV-S1", "PRIMARY", "AHV-S1-P", links.url("/ok"));
        runtime.startProcessInstanceByKey("station-readiness", "AHV-S1", Map.of("stationCode", "AHV-S1"));
        // A name with Markdown and HTML in it, as an import could bring (issue 15): the form must show it as text.
        jdbc.update("INSERT INTO station (code, name, county_code, district_code, address, expected_voters, capacity)"
                + " VALUES ('AHV-S2', ?, 'ahvaz', 'ahvaz-central', 'خیابان امام، پلاک ۱۴', 300, 600)", HOSTILE_NAME);
        registry.link("AHV-S2", "PRIMARY", "AHV-S2-P", links.url("/ok"));
        runtime.startProcessInstanceByKey("station-readiness", "AHV-S2", Map.of("stationCode", "AHV-S2"));
        rest = new RestClient(port);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (links != null) {
            links.close();
        }
    }

    @Test
    @Order(1)
    void aDistrictHeadCompletesASiteVerificationInPersianTasklist() throws IOException {
        browser.get(url("/camunda/app/tasklist/default/"));
        type(By.cssSelector("input[ng-model=username]"), "head-ahvaz");
        type(By.cssSelector("input[ng-model=password]"), PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'بازدید و تأیید شعب شهرستان من')]")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fa");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        filter.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'tasks-list')]//li[contains(.,'AHV-S1')]//h4/a"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='برداشتن']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(.,'دسترسی مناسب')]")));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("کارهای گروه من", "بازدید محل", "تکمیل")
                .doesNotContain("Claim", "Complete", "Created", "Filter", "Add a comment", "Form");
        screenshot("tasklist-fa.png");

        for (String check : List.of("دسترسی مناسب", "برق پایدار", "امنیت محل", "ظرفیت محل")) {
            click(By.xpath("//label[contains(.,'" + check + "')]"));
        }
        click(By.xpath("//label[contains(.,'تأیید محل')]"));
        screenshot("task-form-fa.png");
        click(By.xpath("//button[normalize-space(.)='تکمیل']"));

        wait.until(driver -> tasks.createTaskQuery().processInstanceBusinessKey("AHV-S1").taskDefinitionKey("verifySite")
                .count() == 0);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//*[contains(@class,'tasks-list')]//li[contains(.,'AHV-S1')]")));
        assertThat(jdbc.queryForObject("SELECT status FROM station WHERE code = 'AHV-S1'", String.class))
                .isEqualTo("VERIFIED");
    }

    @Test
    @Order(2)
    void aStationNameWithMarkdownAndHtmlIsShownAsTextInTheTaskForm() throws IOException {
        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-filters')]//*[contains(text(),'بازدید و تأیید شعب شهرستان من')]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'tasks-list')]//li[contains(.,'AHV-S2')]//h4/a"))).click();
        WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[id$='Field_stationName_shown'], input[name='stationName']")));
        screenshot("task-form-hostile-name.png");

        assertThat(browser.findElements(By.id("injected"))).as("an <img> from the name").isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href*='127.0.0.1:9']"))).as("a link from the name").isEmpty();
        assertThat(shown.getAttribute("value")).isEqualTo(HOSTILE_NAME);
    }

    @Test
    @Order(3)
    void theDashboardShowsTheFiguresOfTheReadinessApi() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/dashboard/"));
        type(By.name("username"), "directorate");
        type(By.name("password"), PASSWORD);
        browser.findElement(By.cssSelector("#loginForm button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#countyTable tbody tr[data-county]")));

        JsonNode api = rest.get("/api/readiness", "directorate", PASSWORD).json().get("counties");
        List<WebElement> rows = browser.findElements(By.cssSelector("#countyTable tbody tr[data-county]"));
        assertThat(rows).hasSize(api.size());
        for (JsonNode county : api) {
            WebElement row = browser.findElement(By.cssSelector("#countyTable tr[data-county='"
                    + county.get("county").asText() + "']"));
            for (String field : List.of("stations", "ready", "primaryLinkOk", "backupLinkOk", "atRisk")) {
                assertThat(number(row.findElement(By.cssSelector("[data-field=" + field + "]")).getText()))
                        .as(county.get("county").asText() + " " + field).isEqualTo(county.get(field).asInt());
            }
        }
        JsonNode ahvaz = rest.get("/api/readiness?county=ahvaz", "directorate", PASSWORD).json().get("counties").get(0);
        assertThat(ahvaz.get("byStatus").get("VERIFIED").asInt()).as("the verification just made").isEqualTo(1);
        int stations = 0;
        for (JsonNode county : api) {
            stations += county.get("stations").asInt();
        }
        assertThat(number(browser.findElement(By.cssSelector("[data-card=stations] .value")).getText()))
                .isEqualTo(stations);
        screenshot("dashboard-fa.png");
    }

    /** Clicks like a person who scrolled the element into the middle of the window first. */
    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /** A number as the page prints it, in Persian digits. */
    private static int number(String text) {
        StringBuilder ascii = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                ascii.append((char) ('0' + c - '\u06F0'));
            } else if (c >= '0' && c <= '9') {
                ascii.append(c);
            }
        }
        return Integer.parseInt(ascii.toString());
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
