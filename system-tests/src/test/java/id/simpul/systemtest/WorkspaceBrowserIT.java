package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workspace through its pages alone, in headless Chromium, each step signed in at identity-service as the person
 * who does it: the Banjar officer registers and submits a KIM (first told beside the field what Banjar's rules need),
 * is refused another region's KIM, and cannot verify; the South Kalimantan officer verifies it from the queue.
 * Every page visited is checked with axe-core (no serious or critical violation).
 */
class WorkspaceBrowserIT {

    private static String missing;
    private static Http web;
    private static Http registry;
    private static Path profile;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String axe;

    @BeforeAll
    static void start() throws IOException {
        missing = DashboardBrowserIT.missingBrowser();
        if (missing == null) {
            missing = Accessibility.missing();
        }
        if (missing != null) {
            if ("1".equals(System.getenv(DashboardBrowserIT.REQUIRE_BROWSER))) {
                fail(DashboardBrowserIT.REQUIRE_BROWSER + "=1 but " + missing);
            }
            return;
        }
        axe = Accessibility.load();
        SimpulSystem system = SimpulSystem.get();
        web = system.anonymous("web");
        registry = system.http("registry-service");
        profile = Files.createTempDirectory("simpul-workspace-chromium");
        browser = DashboardBrowserIT.chromium(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() throws IOException {
        DashboardBrowserIT.close(browser, profile);
    }

    @BeforeEach
    void needsBrowser() {
        assumeTrue(missing == null, () -> "Skipped: " + missing);
        browser.manage().deleteAllCookies();
    }

    @Test
    void banjarRegistersAndSubmitsAndSouthKalimantanVerifiesThroughThePages() {
        signIn("kominfo.banjar");
        assertThat(text("who")).contains("REGENCY_OFFICER").contains("63.03");
        accessible();
        click("work-register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=kim-form]")));
        accessible();

        String name = "KIM Halaman " + UUID.randomUUID().toString().substring(0, 8);
        type("input-name", name);
        type("input-villageCode", "63.03.05.1005");
        type("input-memberCount", "20");
        click("save-kim");
        // Kabupaten Banjar requires an SK: said beside the field, and what was typed is kept.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-problem]")));
        assertThat(text("form-problem")).isEqualTo("Periksa isian yang ditandai.");
        assertThat(browser.findElements(By.cssSelector("[data-testid=error-decree-number]")))
                .as("errors shown: %s", browser.findElements(By.cssSelector(".error")).stream().map(e -> e.getAttribute("outerHTML")).toList())
                .hasSize(1);
        WebElement decreeError = byTestId("error-decree-number");
        assertThat(decreeError.getText()).contains("SK");
        assertThat(byTestId("input-decree-number").getAttribute("aria-describedby")).isEqualTo("decree-number-error");
        assertThat(byTestId("input-name").getAttribute("value")).isEqualTo(name);
        accessible();

        type("input-decree-number", "7/SK/2026");
        browser.executeScript("arguments[0].value = '2026-03-01'", byTestId("input-decree-date"));
        type("input-decree-issuer", "Lurah Sungai Paring");
        click("save-kim");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=kim-name]"), name));
        assertThat(text("kim-status")).isEqualTo("Diajukan");
        assertThat(text("kim-place")).contains("Sungai Paring").contains("Kabupaten Banjar");
        assertThat(text("kim-history")).contains("kominfo.banjar").contains("WITA");
        // Four eyes: whoever submitted it has no button to verify it.
        assertThat(browser.findElements(By.cssSelector("[data-testid=to-VERIFIED]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid=to-REJECTED]"))).hasSize(1);
        String kimId = browser.getCurrentUrl().replaceAll(".*/workspace/kims/", "");
        accessible();

        // Another region's KIM: refused, and no button of it is shown.
        open("/workspace/kims/" + kimOutside("63.03"));
        assertThat(text("problem-title")).isEqualTo("Tidak diizinkan");
        assertThat(browser.findElements(By.cssSelector("[data-testid=kim-steps]"))).isEmpty();
        accessible();
        // The list holds only Banjar's KIMs.
        open("/workspace/kims?q=" + name.substring(12));
        assertThat(text("kim-count")).isEqualTo("1 KIM");
        accessible();
        signOut();

        signIn("kominfo.kalsel");
        click("work-verification");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kim='" + kimId + "']")));
        accessible();
        row.findElement(By.cssSelector("[data-testid=verify]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=notice]")));
        assertThat(browser.findElements(By.cssSelector("[data-kim='" + kimId + "']"))).isEmpty();
        assertThat(registry.get("/api/kims/" + kimId).<String>json("$.status")).isEqualTo("VERIFIED");
        open("/workspace/kims/" + kimId);
        assertThat(text("kim-status")).isEqualTo("Terverifikasi");
        assertThat(text("kim-history")).contains("kominfo.kalsel");
        signOut();
    }

    @Test
    void theWorkspaceSpeaksEnglishOneClickAway() {
        signIn("kominfo.banjar");
        click("lang-switch");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=nav-kims]"), "KIMs"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        click("lang-switch");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=nav-kims]"), "KIM"));
        signOut();
    }

    // ---------- helpers ----------

    private static String kimOutside(String scope) {
        List<Map<String, Object>> items = registry.get("/api/kims?region=91&size=1").json("$.items");
        assertThat(items).isNotEmpty();
        assertThat((String) items.getFirst().get("villageCode")).doesNotStartWith(scope);
        return (String) items.getFirst().get("id");
    }

    /** Signs in at identity-service's page, as a person does, starting from the workspace. */
    private static void signIn(String user) {
        open("/workspace");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(id.simpul.localstack.SignIn.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=who]")));
    }

    private static void signOut() {
        click("sign-out");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/workspace")));
        open("/workspace");
        // Signed out at identity-service too: the workspace asks for the password again.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private static void open(String path) {
        browser.get(web.uri(path).toString());
    }

    private static WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static String text(String id) {
        return byTestId(id).getText().strip();
    }

    private static void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='" + id + "']"))).click();
    }

    private static void type(String id, String value) {
        WebElement input = byTestId(id);
        input.clear();
        input.sendKeys(value);
    }

    private static void accessible() {
        Accessibility.assertAccessible(browser, axe, browser.getCurrentUrl());
    }
}
