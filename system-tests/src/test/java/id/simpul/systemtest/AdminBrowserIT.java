package id.simpul.systemtest;

import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.DeadLetterApi;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The ministry admin's pages in headless Chromium, signed in at identity-service: the admin creates a KIM officer
 * (told first, beside the field, that a password is needed), who then signs in, until the admin disables them; a
 * record against the contract, dead-lettered by training-service and reporting-service, is listed with both, replayed
 * with a corrected payload in one and discarded with a reason in the other; a regency officer is refused every admin
 * page. Every page visited is checked with axe-core (no serious or critical violation).
 */
class AdminBrowserIT {

    /** The id registry-service's seed gives KIM Sungai Paring (DemoUsers.KIM_SUNGAI_PARING in identity-service). */
    private static final String KIM_SUNGAI_PARING =
            UUID.nameUUIDFromBytes("simpul-seed-kim:banjar-sungai-paring".getBytes(StandardCharsets.UTF_8)).toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String missing;
    private static Http web;
    private static SimpulSystem system;
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
        system = SimpulSystem.get();
        web = system.anonymous("web");
        profile = Files.createTempDirectory("simpul-admin-chromium");
        browser = DashboardBrowserIT.chromium(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.withMessage(() -> "at " + browser.getCurrentUrl() + ", showing: "
                + browser.executeScript("return document.body ? document.body.innerText : ''"));
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
    void theAdminCreatesAKimOfficerWhoSignsInUntilDisabled() {
        String username = "kim.petugas." + UUID.randomUUID().toString().substring(0, 6);
        String password = "Sungai-Paring-Admin-2026!";
        signIn("admin@kemkomdigi");
        open("/workspace/admin/users");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=users]")));
        assertThat(browser.findElements(By.cssSelector("tr[data-user='admin@kemkomdigi']"))).hasSize(1);
        accessible();

        click("create-user");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=user-form]")));
        accessible();
        type("input-username", username);
        type("input-displayName", "Petugas KIM Sungai Paring");
        click("role-KIM_OFFICER");
        type("input-regionScope", "63.03.05.1005");
        type("input-kimId", KIM_SUNGAI_PARING);
        click("save-user");
        // No password: said beside the field by identity-service, and what was typed is kept.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-problem]")));
        assertThat(text("form-problem")).isEqualTo("Periksa isian yang ditandai.");
        assertThat(byTestId("error-password").getText()).isNotBlank();
        assertThat(byTestId("input-password").getAttribute("aria-describedby")).isEqualTo("password-error");
        assertThat(byTestId("input-username").getAttribute("value")).isEqualTo(username);
        assertThat(byTestId("input-kimId").getAttribute("value")).isEqualTo(KIM_SUNGAI_PARING);
        assertThat(byTestId("role-KIM_OFFICER").isSelected()).isTrue();
        assertThat(byTestId("role-VIEWER").isSelected()).isFalse();
        accessible();

        type("input-password", password);
        click("save-user");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=user-username]"), username));
        assertThat(text("notice")).contains("Pengguna dibuat");
        assertThat(text("user-roles")).isEqualTo("Petugas KIM");
        assertThat(text("user-scope")).isEqualTo("63.03.05.1005");
        assertThat(text("user-kim")).isEqualTo(KIM_SUNGAI_PARING);
        assertThat(text("user-state")).isEqualTo("Aktif");
        String userPage = browser.getCurrentUrl();
        accessible();
        signOut();

        signIn(username, password);
        assertThat(text("who")).contains("Petugas KIM Sungai Paring").contains("KIM_OFFICER");
        signOut();

        signIn("admin@kemkomdigi");
        browser.get(userPage);
        click("disable-user");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=user-state]"), "Nonaktif"));
        assertThat(text("notice")).contains("dinonaktifkan");
        assertThat(browser.findElements(By.cssSelector("[data-testid=disable-user]"))).isEmpty();
        accessible();
        signOut();

        // Disabled: identity-service's page says so, and the workspace is not reached.
        open("/workspace");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).containsAnyOf("dinonaktifkan", "disabled");
        assertThat(browser.findElements(By.cssSelector("[data-testid=who]"))).isEmpty();

        // Enabled again, they sign in again.
        signIn("admin@kemkomdigi");
        browser.get(userPage);
        click("enable-user");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=user-state]"), "Aktif"));
        signOut();
        signIn(username, password);
        signOut();
    }

    @Test
    void aDeadLetterIsReplayedCorrectedInOneServiceAndDiscardedWithAReasonInTheOther() {
        // A KIM in Denpasar, as registry-service publishes it; then a copy without its name, against the contract.
        Http registry = system.http("registry-service");
        String kimId = Scenario.id(registry.postJson("/api/kims", """
                {"name": "KIM Serangan Bahari", "villageCode": "51.71.01.1001", "memberCount": 12}"""));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> registered = TopicRecords.read(system.kafka(),
                Topics.KIMS, r -> kimId.equals(r.key()) && EventTypes.KIM_REGISTERED.equals(TopicRecords.header(r, "ce_type")),
                1, Duration.ofSeconds(30));
        assertThat(registered).hasSize(1);
        String published = registered.getFirst().value();
        ObjectNode nameless = (ObjectNode) JSON.readTree(published);
        nameless.remove("name");
        String poison = JSON.writeValueAsString(nameless);
        TopicRecords.send(system.kafka(), TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, kimId, poison));
        Http training = system.http("training-service");
        Http reporting = system.http("reporting-service");
        String trainingLetter = (String) DeadLetterApi.awaitKept(training, kimId, Duration.ofSeconds(60)).get("id");
        String reportingLetter = (String) DeadLetterApi.awaitKept(reporting, kimId, Duration.ofSeconds(60)).get("id");

        signIn("admin@kemkomdigi");
        open("/workspace/admin/dead-letters");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=letters]")));
        WebElement trainingRow = letterRow("training", kimId);
        assertThat(trainingRow.getText()).contains(Topics.KIMS).contains("schema").contains("Menunggu");
        assertThat(letterRow("reporting", kimId).getText()).contains(Topics.KIMS).contains("Menunggu");
        accessible();

        // training-service's letter: the payload as kept, first corrected into something that is not JSON.
        trainingRow.findElement(By.cssSelector("[data-testid=letter-link]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=letter-key]"), kimId));
        assertThat(text("letter-service")).isEqualTo("training-service");
        assertThat(text("letter-status")).isEqualTo("Menunggu");
        assertThat(text("letter-reason")).contains("schema");
        assertThat(byTestId("input-payload").getAttribute("value")).isEqualTo(poison);
        accessible();
        type("input-payload", "{\"kimId\": ");
        click("replay");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=error-payload]")));
        assertThat(text("error-payload")).startsWith("Bukan objek JSON yang sah");
        assertThat(byTestId("input-payload").getAttribute("aria-describedby")).contains("payload-error");
        assertThat(text("letter-status")).isEqualTo("Menunggu");
        accessible();
        type("input-payload", published);
        type("input-note", "the name restored from the published record");
        click("replay");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=letter-status]"), "Diterapkan ulang"));
        assertThat(text("notice")).contains("isi yang diperbaiki");
        // The services record no replayer yet (DeadLetters.UNATTRIBUTED), so the attempt names none.
        assertThat(text("attempts")).contains("APPLIED").contains("dengan isi yang diperbaiki")
                .contains("the name restored from the published record");
        assertThat(browser.findElements(By.cssSelector("[data-testid=replay-form]"))).isEmpty();
        assertThat(training.get("/api/admin/dead-letters/" + trainingLetter).<String>json("$.status")).isEqualTo("REPLAYED");
        accessible();

        // reporting-service's letter: discarded with a reason.
        open("/workspace/admin/dead-letters");
        letterRow("reporting", kimId).findElement(By.cssSelector("[data-testid=letter-link]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=letter-key]"), kimId));
        assertThat(text("letter-service")).isEqualTo("reporting-service");
        String reason = "A copy of KIM Serangan Bahari without its name; the published record was applied";
        type("input-reason", reason);
        click("discard");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=letter-status]"), "Dibuang"));
        assertThat(text("discard-reason")).isEqualTo(reason);
        assertThat(text("letter-payload")).isEqualTo(poison);
        assertThat(reporting.get("/api/admin/dead-letters/" + reportingLetter).<String>json("$.status")).isEqualTo("DISCARDED");
        accessible();

        // Neither waits any longer; both are listed with all statuses.
        open("/workspace/admin/dead-letters");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=letter-count]")));
        assertThat(browser.findElements(By.cssSelector("tr[data-key='" + kimId + "']"))).isEmpty();
        new org.openqa.selenium.support.ui.Select(byTestId("filter-status")).selectByValue("");
        click("filter-apply");
        wait.until(d -> letterRow("training", kimId).getText().contains("Diterapkan ulang"));
        assertThat(letterRow("reporting", kimId).getText()).contains("Dibuang");
        accessible();
        signOut();
    }

    @Test
    void aRegencyOfficerIsRefusedEveryAdminPage() {
        String someLetter = "simpul.training.dlq-0-0";
        signIn("kominfo.banjar");
        for (String path : List.of("/workspace/admin/users", "/workspace/admin/users/new",
                "/workspace/admin/dead-letters", "/workspace/admin/dead-letters/training/" + someLetter,
                "/workspace/admin/dead-letters/reporting/" + someLetter)) {
            open(path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=problem-title]")));
            assertThat(text("problem-title")).as(path).isEqualTo("Tidak diizinkan");
            assertThat(browser.findElements(By.cssSelector("[data-testid=user-form], [data-testid=letters], [data-testid=users]"))).as(path).isEmpty();
            accessible();
        }
        signOut();
    }

    // ---------- helpers (as WorkspaceBrowserIT's) ----------

    /** The row of the dead letter of the record with {@code key} kept by {@code service} (training, reporting). */
    private static WebElement letterRow(String service, String key) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-service='" + service + "'][data-key='" + key + "']")));
    }

    private static void signIn(String user) {
        signIn(user, id.simpul.localstack.SignIn.DEMO_PASSWORD);
    }

    private static void signIn(String user, String password) {
        open("/workspace");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=who]")));
    }

    private static void signOut() {
        click("sign-out");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/workspace")));
        open("/workspace");
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
