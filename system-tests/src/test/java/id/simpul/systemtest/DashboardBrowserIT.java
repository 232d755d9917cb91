package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web dashboard (served by the web service, its figures routed from reporting-service) in a real headless Chromium, with every service running: its figures are
 * the API's, it speaks Bahasa Indonesia and English, drills down from a province, and follows the live stream.
 * Needs Debian's {@code chromium} and {@code chromium-driver}; without them it is skipped, unless
 * {@value #REQUIRE_BROWSER} is 1 (as in CI), which makes their absence a failure.
 */
class DashboardBrowserIT {

    static final String REQUIRE_BROWSER = "SIMPUL_REQUIRE_BROWSER";
    // Debian's packages chromium and chromium-driver; other systems may name theirs with these properties.
    private static final Path CHROMIUM = Path.of(System.getProperty("simpul.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("simpul.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final int SEED_KIMS = 30;
    private static final Duration LIVE_UPDATE = Duration.ofSeconds(10);

    /** Card figures on the page and where the summary JSON has them. */
    private static final Map<String, String> CARD_FIGURES = new LinkedHashMap<>();

    static {
        CARD_FIGURES.put("kims-total", "$.kims.total");
        CARD_FIGURES.put("kims-active", "$.kims.byStatus.ACTIVE");
        CARD_FIGURES.put("coverage-districts-share", "$.coverage.districts.share");
        CARD_FIGURES.put("coverage-districts-covered", "$.coverage.districts.covered");
        CARD_FIGURES.put("coverage-districts-total", "$.coverage.districts.total");
        CARD_FIGURES.put("coverage-villages-share", "$.coverage.villages.share");
        CARD_FIGURES.put("coverage-villages-covered", "$.coverage.villages.covered");
        CARD_FIGURES.put("coverage-villages-total", "$.coverage.villages.total");
        CARD_FIGURES.put("trainings-total", "$.trainings.total");
        CARD_FIGURES.put("trainings-completed", "$.trainings.byStatus.COMPLETED");
        CARD_FIGURES.put("participants-enrolled", "$.participants.enrolled");
        CARD_FIGURES.put("participants-attended", "$.participants.attended");
        CARD_FIGURES.put("participants-attendance-rate", "$.participants.attendanceRate");
        CARD_FIGURES.put("partners-engaged", "$.partners.engaged");
        CARD_FIGURES.put("outputs-count", "$.outputs.count");
        CARD_FIGURES.put("outputs-reach", "$.outputs.reach");
        CARD_FIGURES.put("index-average", "$.index.average");
    }

    private static String missingBrowser;
    private static Http registry;
    private static Http reporting;
    private static Http web;
    private static Scenario scenario;
    private static Path profile;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        missingBrowser = missingBrowser();
        if (missingBrowser != null) {
            if ("1".equals(System.getenv(REQUIRE_BROWSER))) {
                fail(REQUIRE_BROWSER + "=1 but " + missingBrowser);
            }
            System.out.println("DashboardBrowserIT is skipped: " + missingBrowser);
            return;
        }
        SimpulSystem system = SimpulSystem.get();
        registry = system.http("registry-service");
        reporting = system.http("reporting-service");
        web = system.anonymous("web");
        scenario = new Scenario(system);
        profile = Files.createTempDirectory("simpul-chromium");
        browser = chromium(profile);
        wait = new WebDriverWait(browser, LIVE_UPDATE);
        wait.pollingEvery(Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        close(browser, profile);
    }

    /** Quits the browser and removes its profile folder. */
    static void close(ChromeDriver browser, Path profile) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Each test starts from settled figures and a fresh page in the default language. */
    @BeforeEach
    void settleAndOpen() {
        assumeTrue(missingBrowser == null, () -> "Skipped: " + missingBrowser + "; set " + REQUIRE_BROWSER + "=1 to make this a failure");
        String[] last = {""};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(700)).until(() -> {
            Http.Response summary = reporting.get("/api/dashboard/summary");
            String figures = summary.body().replaceAll("\"updatedAt\":\"[^\"]*\"", "");
            boolean unchanged = figures.equals(last[0]);
            last[0] = figures;
            return unchanged && ((Number) summary.json("$.kims.total")).longValue() >= SEED_KIMS;
        });
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(page("/favicon.svg"));
        browser.executeScript("localStorage.clear()");
        browser.get(page("/"));
        waitForFigure("kims-total");
    }

    @Test
    void theCardsShowTheFiguresOfTheSummary() {
        Http.Response summary = reporting.get("/api/dashboard/summary");

        Map<String, String> shown = figures();

        CARD_FIGURES.forEach((testId, path) -> assertFigure(testId, shown.get(testId), summary.json(path)));
        assertThat(browser.findElement(By.id("region-title")).getText()).isEqualTo("Indonesia");
        screenshot("dashboard-national", 0);
        screenshot("dashboard-overview", 1600);
    }

    @Test
    void theLanguageSwitchesToEnglishIsRememberedAndSwitchesBack() {
        long reach = ((Number) reporting.get("/api/dashboard/summary").json("$.outputs.reach")).longValue();
        assertThat(document("lang")).isEqualTo("id");
        assertThat(text("label-kims-total")).isEqualTo("KIM terdaftar");
        assertThat(text("outputs-reach")).isEqualTo(NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(reach));
        assertThat(text("tab-programmes")).isEqualTo("Program");

        click("lang-toggle");

        assertThat(document("lang")).isEqualTo("en");
        assertThat(text("label-kims-total")).isEqualTo("Registered KIMs");
        assertThat(text("outputs-reach")).isEqualTo(NumberFormat.getIntegerInstance(Locale.UK).format(reach));
        assertThat(text("tab-programmes")).isEqualTo("Programmes");
        assertThat(text("lang-toggle")).isEqualTo("Bahasa Indonesia");

        browser.navigate().refresh();
        waitForFigure("kims-total");
        assertThat(text("label-kims-total")).as("the choice survives a reload").isEqualTo("Registered KIMs");

        click("lang-toggle");

        assertThat(document("lang")).isEqualTo("id");
        assertThat(text("label-kims-total")).isEqualTo("KIM terdaftar");
        assertThat(text("lang-toggle")).isEqualTo("English");
    }

    @Test
    void aProvinceDrillsDownToItsRegenciesAndItsDistrictsAndBackUp() {
        click("region-link-63");
        Http.Response southKalimantan = reporting.get("/api/dashboard/regions/63");
        waitForRegion("63");

        assertThat(text("region-title")).startsWith(southKalimantan.json("$.region.name"));
        assertThat(rows()).isEqualTo(childRows(southKalimantan));
        assertThat(figures().get("kims-total")).isEqualTo(raw(southKalimantan.json("$.kims.total")));
        assertThat(attribute("regions-csv", "href")).endsWith("/api/exports/regions.csv?parent=63");

        click("region-link-63.03");
        Http.Response banjar = reporting.get("/api/dashboard/regions/63.03");
        waitForRegion("63.03");

        assertThat(rows()).isEqualTo(childRows(banjar));
        assertThat(breadcrumb()).containsExactly("", "63", "63.03");

        browser.findElement(By.cssSelector("#breadcrumb a[data-code='63']")).click();
        waitForRegion("63");
        assertThat(rows()).extracting(row -> row.get("code")).contains("63.03");

        browser.navigate().back();
        waitForRegion("63.03");
        browser.findElement(By.cssSelector("#breadcrumb a[data-code='']")).click();
        waitForRegion("");
        assertThat(rows()).hasSize(reporting.get("/api/dashboard/summary").<List<?>>json("$.children").size());
    }

    @Test
    void aKimRegisteredInTheRegistryRaisesTheTotalOnThePageWithoutReloading() {
        wait.until(d -> "live".equals(attribute("live", "data-state")));
        long before = Long.parseLong(figures().get("kims-total"));
        browser.executeScript("window.simpulNotReloaded = true");

        long started = System.nanoTime();
        Http.Response created = registry.postJson("/api/kims", """
                {"name": "KIM Dasbor Langsung %s", "villageCode": "63.03.05.1005", "memberCount": 20,
                 "decree": {"number": "7/SK/2024", "date": "2024-07-07", "issuer": "Kepala Desa"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        wait.until(d -> String.valueOf(before + 1).equals(figures().get("kims-total")));
        System.out.printf("KIM counted on the open dashboard %d ms after POST /api/kims%n", (System.nanoTime() - started) / 1_000_000);
        assertThat((Boolean) browser.executeScript("return window.simpulNotReloaded === true")).as("the page was not reloaded").isTrue();
        assertThat(text("kims-total")).isEqualTo(NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(before + 1));

        // Verifying and activating it adds it to the active KIMs on the open page too.
        long active = Long.parseLong(figures().get("kims-active"));
        String kimId = created.json("$.id");
        scenario.changeStatus(kimId, "VERIFIED");
        scenario.changeStatus(kimId, "ACTIVE");
        started = System.nanoTime();
        wait.until(d -> String.valueOf(active + 1).equals(figures().get("kims-active")));
        System.out.printf("Activation shown on the open dashboard %d ms after the last POST /status%n", (System.nanoTime() - started) / 1_000_000);
        assertThat((Boolean) browser.executeScript("return window.simpulNotReloaded === true")).as("the page was not reloaded").isTrue();
    }

    @Test
    void attendanceRecordedInTrainingServiceRaisesTheAttendedOnThePageWithoutReloading() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String kim = scenario.kim("KIM Hadir Langsung " + run, "63.03.05.1004", "ACTIVE");
        String programme = scenario.programme("Kelas Langsung " + run, "63", "{\"trainings\": 1}");
        String session = Scenario.id(scenario.draftInMartapura(programme, "Pembekalan Langsung " + run, 5));
        scenario.schedule(session);
        String enrolment = scenario.enrolWhenKnown(session, kim, "Rahmat Hidayat", 201).json("$.id");
        scenario.awaitStart(session);
        wait.until(d -> "live".equals(attribute("live", "data-state")));
        long attended = Long.parseLong(figures().get("participants-attended"));
        browser.executeScript("window.simpulNotReloaded = true");

        long started = System.nanoTime();
        scenario.recordAttendance(session, enrolment);

        wait.until(d -> String.valueOf(attended + 1).equals(figures().get("participants-attended")));
        System.out.printf("Attendance shown on the open dashboard %d ms after POST /attendance%n", (System.nanoTime() - started) / 1_000_000);
        assertThat((Boolean) browser.executeScript("return window.simpulNotReloaded === true")).as("the page was not reloaded").isTrue();
        assertThat(figures().get("participants-attended")).isEqualTo(raw(reporting.get("/api/dashboard/summary").json("$.participants.attended")));
    }

    @Test
    void aProgrammeShowsItsProgressAgainstItsTargets() {
        Http.Response programmes = reporting.get("/api/dashboard/programmes");
        List<String> ids = programmes.json("$[*].programme.id");
        assertThat(ids).as("the seed programme").isNotEmpty();
        String id = ids.getFirst();

        click("tab-programmes");
        wait.until(d -> id.equals(property("programme-select", "value")));
        Http.Response programme = reporting.get("/api/dashboard/programmes/" + id);
        wait.until(d -> text("programme-title").equals(programme.json("$.programme.title")));

        Map<String, String> shown = figures();
        for (String measure : List.of("trainingsPlanned", "trainingsCompleted", "kimsTrained", "outputs", "peopleReached")) {
            assertFigure("progress-" + measure + "-actual", shown.get("progress-" + measure + "-actual"),
                    programme.json("$.progress." + measure + ".actual"));
            assertFigure("progress-" + measure + "-target", shown.get("progress-" + measure + "-target"),
                    programme.json("$.progress." + measure + ".target"));
        }
        assertThat(browser.findElements(By.cssSelector("[data-testid='programme-trainings'] tbody tr")))
                .hasSize(programme.<List<?>>json("$.trainings").size());
        assertThat(attribute("programme-csv", "href")).endsWith("/api/exports/programmes/" + id + "/outputs.csv");
        screenshot("dashboard-programme", 0);
    }

    @Test
    void onAPhoneThePageFitsTheScreenAndTheTableScrollsSideways() {
        browser.manage().window().setSize(new Dimension(390, 844));
        click("region-link-63");
        waitForRegion("63");

        Map<String, Object> widths = script("""
                const table = document.querySelector('#regions-table').parentElement;
                return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
                        table: table.scrollWidth, box: table.clientWidth};""");

        assertThat(((Number) widths.get("page")).intValue()).as("no sideways scrolling of the page")
                .isLessThanOrEqualTo(((Number) widths.get("viewport")).intValue());
        assertThat(((Number) widths.get("table")).intValue()).as("the table scrolls inside its box")
                .isGreaterThan(((Number) widths.get("box")).intValue());
        screenshot("dashboard-phone", 0);
    }

    // ---------- the browser ----------

    /** Why the browser cannot run here, or null when it can. */
    static String missingBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        return "the dashboard's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
    }

    static ChromeDriver chromium(Path profile) {
        // The driver and browser are named outright, so Selenium Manager never looks for (or downloads) either.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--hide-scrollbars", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String page(String path) {
        return web.uri(path).toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(String javascript) {
        return (T) ((JavascriptExecutor) browser).executeScript(javascript);
    }

    /** Every figure on the page by its test id, read at one instant: its raw value, or null when it shows "–". */
    private static Map<String, String> figures() {
        Map<String, Object> read = script("""
                const figures = {};
                document.querySelectorAll('.figure[data-testid]').forEach(f => figures[f.dataset.testid] = f.dataset.value ?? null);
                return figures;""");
        Map<String, String> figures = new LinkedHashMap<>();
        read.forEach((key, value) -> figures.put(key, (String) value));
        return figures;
    }

    /** The rows of the region table, read at one instant. */
    private static List<Map<String, String>> rows() {
        List<Map<String, Object>> read = script("""
                return [...document.querySelectorAll('#regions-rows tr')].map(tr => ({
                  code: tr.dataset.code,
                  kims: tr.querySelector('[data-key=kims]').dataset.value ?? null,
                  active: tr.querySelector('[data-key=active]').dataset.value ?? null,
                  outputs: tr.querySelector('[data-key=outputs]').dataset.value ?? null}));""");
        List<Map<String, String>> rows = new ArrayList<>();
        read.forEach(row -> {
            Map<String, String> copy = new LinkedHashMap<>();
            row.forEach((key, value) -> copy.put(key, (String) value));
            rows.add(copy);
        });
        return rows;
    }

    /** The same columns from the API's children of a region. */
    private static List<Map<String, String>> childRows(Http.Response region) {
        List<Map<String, Object>> children = region.json("$.children");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("code", region.json("$.children[" + i + "].region.code"));
            row.put("kims", raw(region.json("$.children[" + i + "].kims.total")));
            row.put("active", raw(region.json("$.children[" + i + "].kims.active")));
            row.put("outputs", raw(region.json("$.children[" + i + "].outputs.count")));
            rows.add(row);
        }
        return rows;
    }

    /** A JSON value as the page's data-value holds it. */
    private static String raw(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> breadcrumb() {
        return script("return [...document.querySelectorAll('#breadcrumb [data-code]')].map(c => c.dataset.code);");
    }

    private static void waitForRegion(String code) {
        // The breadcrumb and the table are drawn together, from the same answer.
        wait.until(d -> {
            List<String> crumbs = breadcrumb();
            return !crumbs.isEmpty() && code.equals(crumbs.getLast());
        });
    }

    private static void waitForFigure(String testId) {
        wait.until(d -> figures().get(testId) != null);
    }

    private static void assertFigure(String testId, String shown, Object expected) {
        if (expected == null) {
            assertThat(shown).as(testId + " (no value in the API)").isNull();
        } else {
            assertThat(shown).as(testId).isNotNull();
            assertThat(Double.parseDouble(shown)).as(testId).isEqualTo(((Number) expected).doubleValue());
        }
    }

    private static String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText();
    }

    private static String attribute(String testId, String name) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getDomAttribute(name);
    }

    private static String property(String testId, String name) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getDomProperty(name);
    }

    private static String document(String attribute) {
        return browser.findElement(By.tagName("html")).getDomAttribute(attribute);
    }

    private static void click(String testId) {
        wait.until(d -> {
            d.findElement(By.cssSelector("[data-testid='" + testId + "']")).click();
            return true;
        });
    }

    /** A screenshot into target/dashboard-screenshots: the top {@code height} pixels of the page, or all of it (0). */
    private static void screenshot(String name, int height) {
        Dimension window = browser.manage().window().getSize();
        try {
            script("window.scrollTo(0, 0)");
            int page = ((Number) script("return document.documentElement.scrollHeight")).intValue();
            browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height > 0 ? height : page, 6000)));
            script("return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
