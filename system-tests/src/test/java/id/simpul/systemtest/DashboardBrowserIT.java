package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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
 * the API's, it speaks Bahasa Indonesia and English, drills down from a province (in the table or on the province map),
 * sorts the table, and follows the live stream; axe-core finds no serious or critical violation on it.
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
    private static String axe;

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        missingBrowser = missingBrowser();
        if (missingBrowser == null) {
            missingBrowser = Accessibility.missing();
        }
        if (missingBrowser != null) {
            if ("1".equals(System.getenv(REQUIRE_BROWSER))) {
                fail(REQUIRE_BROWSER + "=1 but " + missingBrowser);
            }
            System.out.println("DashboardBrowserIT is skipped: " + missingBrowser);
            return;
        }
        axe = Accessibility.load();
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
        assertThat(attribute("chart-funnel", "aria-label")).as("the first stage is named for what it counts")
                .contains("KIM memenuhi syarat " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID"))
                        .format(((Number) summary.json("$.funnel.eligible")).longValue()));
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
        wait.until(d -> mapValues() != null);
        double southKalimantan = mapValues().get("63");
        browser.executeScript("window.simpulNotReloaded = true");

        long started = System.nanoTime();
        Http.Response created = registry.postJson("/api/kims", """
                {"name": "KIM Dasbor Langsung %s", "villageCode": "63.03.05.1005", "memberCount": 20,
                 "decree": {"number": "7/SK/2024", "date": "2024-07-07", "issuer": "Kepala Desa"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        wait.until(d -> String.valueOf(before + 1).equals(figures().get("kims-total")));
        System.out.printf("KIM counted on the open dashboard %d ms after POST /api/kims%n", (System.nanoTime() - started) / 1_000_000);
        wait.until(d -> Double.valueOf(southKalimantan + 1).equals(mapValues().get("63")));
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
    void theMapDrawsEveryProvinceWithItsFiguresAndCreditsItsBoundaries() {
        wait.until(d -> mapValues() != null);
        Map<String, Object> drawn = script("""
                const registered = echarts.getMap('indonesia-provinces');
                const features = (registered.geoJSON || registered.geoJson).features;
                return {features: features.length, codes: features.map(f => f.properties.code),
                        shapes: document.querySelectorAll('#chart-map svg path').length};""");

        assertThat(((Number) drawn.get("features")).intValue()).isEqualTo(38);
        assertThat(new ArrayList<Object>((List<?>) drawn.get("codes"))).as("each shape is a province of the region dataset, once")
                .containsExactlyInAnyOrderElementsOf(new ArrayList<>(apiProvinces("kims.total").keySet()));
        assertThat(((Number) drawn.get("shapes")).intValue()).as("SVG paths drawn").isGreaterThanOrEqualTo(38);
        assertThat(mapValues()).as("the KIMs of each province, as the API counts them").isEqualTo(apiProvinces("kims.total"));
        WebElement credit = byTestId("map-credit");
        assertThat(credit.isDisplayed()).isTrue();
        assertThat(credit.getText()).startsWith("Batas provinsi: Deny Herianto, CC BY 4.0");
        assertThat(credit.findElement(By.cssSelector("a[rel=license]")).getDomAttribute("href"))
                .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(attribute("chart-map", "role")).isEqualTo("img");
        assertThat(attribute("chart-map", "aria-label")).contains("KIM terdaftar").contains("tabel Rincian wilayah");

        click("lang-toggle");
        assertThat(byTestId("map-credit").getText()).startsWith("Province boundaries: Deny Herianto, CC BY 4.0");
        screenshot("dashboard-map", 0);
    }

    @Test
    void choosingAnotherFigureRedrawsTheMapWithIt() {
        wait.until(d -> mapValues() != null);
        Select metric = new Select(byTestId("map-metric"));
        assertThat(metric.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("kims");
        Map<String, Double> kims = mapValues();
        Map<String, Double> villages = apiProvinces("coverage.villages.share");
        assertThat(villages).as("the seed data has figures that differ").isNotEqualTo(kims);

        metric.selectByValue("villages");

        wait.until(d -> villages.equals(mapValues()));
        assertThat(attribute("chart-map", "aria-label")).contains("Desa/kelurahan dengan KIM aktif");

        metric.selectByValue("active");

        Map<String, Double> active = apiProvinces("kims.active");
        wait.until(d -> active.equals(mapValues()));
    }

    @Test
    void choosingAProvinceOnTheMapOpensItAsItsRowInTheTableDoes() {
        wait.until(d -> mapValues() != null);
        WebElement map = byTestId("chart-map");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        // A point inside Kalimantan Selatan (near Barabai), where the map draws it now.
        Map<String, Object> point = script("""
                const node = document.getElementById('chart-map');
                const [x, y] = echarts.getInstanceByDom(node).convertToPixel({seriesIndex: 0}, [115.35, -2.75]);
                return {x, y, width: node.clientWidth, height: node.clientHeight};""");

        new Actions(browser).moveToElement(map,
                (int) Math.round(((Number) point.get("x")).doubleValue() - ((Number) point.get("width")).doubleValue() / 2),
                (int) Math.round(((Number) point.get("y")).doubleValue() - ((Number) point.get("height")).doubleValue() / 2))
                .click().perform();

        waitForRegion("63");
        String byMap = browser.getCurrentUrl();
        String titleByMap = text("region-title");
        List<Map<String, String>> rowsByMap = rows();
        assertThat(rowsByMap).isEqualTo(childRows(reporting.get("/api/dashboard/regions/63")));
        assertThat(byTestId("map-panel").isDisplayed()).as("no map below the national level").isFalse();

        browser.navigate().back();
        waitForRegion("");
        click("region-link-63");
        waitForRegion("63");

        assertThat(browser.getCurrentUrl()).isEqualTo(byMap);
        assertThat(text("region-title")).isEqualTo(titleByMap);
        assertThat(rows()).isEqualTo(rowsByMap);
    }

    @Test
    void theColumnHeadingsSortTheTableAndSayHow() {
        List<String> codeOrder = rows().stream().map(row -> row.get("code")).toList();

        click("sort-kims");

        List<Long> kims = rows().stream().map(row -> Long.parseLong(row.get("kims"))).toList();
        assertThat(kims).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(rows().stream().map(row -> row.get("code")).toList()).as("reordered").isNotEqualTo(codeOrder);
        assertThat(heading("kims").getDomAttribute("aria-sort")).isEqualTo("descending");

        click("sort-kims");

        assertThat(rows().stream().map(row -> Long.parseLong(row.get("kims"))).toList()).isSorted();
        assertThat(heading("kims").getDomAttribute("aria-sort")).isEqualTo("ascending");

        byTestId("sort-region").sendKeys(Keys.ENTER);

        assertThat(regionNames()).isSortedAccordingTo(Collator.getInstance(Locale.forLanguageTag("id-ID")));
        assertThat(heading("region").getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(heading("kims").getDomAttribute("aria-sort")).as("one column sorts at a time").isNull();
        assertThat(byTestId("sort-region").getTagName()).isEqualTo("button");
    }

    @Test
    void updatedAtIsShownInTheViewersTimeWithItsZone() {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Makassar"));
        try {
            browser.navigate().refresh();
            waitForFigure("kims-total");
            wait.until(d -> text("updated-at").endsWith(" WITA"));
            LocalTime local = Instant.parse(attribute("updated-at", "datetime")).atZone(ZoneId.of("Asia/Makassar")).toLocalTime();

            assertThat(text("updated-at")).matches(".*%02d[.:]%02d WITA".formatted(local.getHour(), local.getMinute()));

            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/London"));
            browser.navigate().refresh();
            waitForFigure("kims-total");
            wait.until(d -> !text("updated-at").endsWith("WITA"));
            assertThat(text("updated-at")).as("outside Indonesia the browser names the zone").matches(".*\\d (GMT|BST|UTC)([+-]\\d+)?$");
        } finally {
            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void trainingsHeldAtADistrictItselfHaveTheirOwnRowSoTheVillagesAddUp() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String programme = scenario.programme("Kelas Kecamatan " + run, "63", "{\"trainings\": 1}");
        Scenario.id(scenario.draftInMartapura(programme, "Pembekalan Kecamatan " + run, 5));
        await().atMost(LIVE_UPDATE).until(() -> reporting.get("/api/dashboard/regions/63.03.05")
                .<Object>json("$.atThisLevel.trainings") instanceof Number n && n.longValue() > 0);

        browser.get(page("/#/regions/63.03.05"));
        waitForRegion("63.03.05");
        String own = raw(reporting.get("/api/dashboard/regions/63.03.05").json("$.atThisLevel.trainings"));

        wait.until(d -> own.equals(script(
                "return document.querySelector('[data-testid=region-row-own] [data-key=trainings]')?.dataset.value ?? null")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=region-row-own] th")).getText()).isEqualTo("Di tingkat kecamatan");
        long villages = ((Number) script("""
                return [...document.querySelectorAll('#regions-rows [data-key=trainings]')]
                  .reduce((sum, cell) => sum + Number(cell.dataset.value || 0), 0);""")).longValue();
        assertThat(villages + Long.parseLong(own)).as("the rows add up to the district's trainings")
                .isEqualTo(Long.parseLong(figures().get("trainings-total")));
    }

    @Test
    void programmesWhoseTitlesDifferOnlyAtTheEndAreToldApartOnTheChart() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String common = "Kampanye Literasi Digital dan Pencegahan Stunting di Desa-desa Kabupaten Banjar Tahap ";
        String first = common + "Pertama " + run;
        String second = common + "Kedua " + run;
        scenario.programme(first, "63", "{\"outputs\": 4}");
        scenario.programme(second, "63", "{\"outputs\": 4}");
        await().atMost(LIVE_UPDATE).until(() -> reporting.get("/api/dashboard/programmes").body().contains(second));

        click("tab-programmes");

        // Every word of both titles is drawn (wrapped over lines), and no label reaches past the chart's edges.
        wait.until(d -> {
            String drawn = script("const svg = document.querySelector('#chart-outputs-targets svg'); return svg ? svg.textContent : '';");
            String letters = drawn.replaceAll("\\s+", "");
            return letters.contains(first.replaceAll("\\s+", "")) && letters.contains(second.replaceAll("\\s+", ""));
        });
        List<String> outside = script("""
                const chart = document.getElementById('chart-outputs-targets').getBoundingClientRect();
                return [...document.querySelectorAll('#chart-outputs-targets svg text')]
                  .filter(t => { const r = t.getBoundingClientRect();
                                 return r.width > 0 && (r.left < chart.left - 0.5 || r.right > chart.right + 0.5); })
                  .map(t => t.textContent);""");
        assertThat(outside).as("labels cut off at the chart's edges").isEmpty();
        screenshot("dashboard-programmes-chart", 0);
    }

    @Test
    void axeFindsNoSeriousViolationOnTheMapAProvinceOrTheProgrammes() {
        wait.until(d -> mapValues() != null);
        Accessibility.assertAccessible(browser, axe, "the national dashboard with its map");

        click("sort-kims");
        click("region-link-63");
        waitForRegion("63");
        Accessibility.assertAccessible(browser, axe, "a province");

        click("tab-programmes");
        wait.until(d -> !text("programme-title").equals("–"));
        Accessibility.assertAccessible(browser, axe, "the programmes");
    }

    @Test
    void onAPhoneThePageFitsTheScreenAndTheTableScrollsSideways() {
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> mapValues() != null);
        Map<String, Object> map = script("""
                const node = document.getElementById('chart-map');
                return {right: node.getBoundingClientRect().right, height: node.clientHeight,
                        viewport: document.documentElement.clientWidth,
                        control: document.getElementById('map-metric').getBoundingClientRect().right,
                        panel: document.getElementById('map-panel').getBoundingClientRect().right};""");
        assertThat(((Number) map.get("right")).doubleValue()).as("the map fits the phone's width")
                .isLessThanOrEqualTo(((Number) map.get("viewport")).doubleValue());
        assertThat(((Number) map.get("height")).intValue()).as("and stays tall enough to read").isGreaterThanOrEqualTo(200);
        assertThat(((Number) map.get("control")).doubleValue()).as("the figure's choice fits too")
                .isLessThanOrEqualTo(((Number) map.get("panel")).doubleValue());
        screenshot("dashboard-phone-map", 1400);
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

    /** The province map's figures as drawn, by province code, or null before it is drawn. */
    private static Map<String, Double> mapValues() {
        Map<String, Object> read = script("""
                const node = document.getElementById('chart-map');
                const chart = window.echarts && echarts.getInstanceByDom(node);
                const option = chart && chart.getOption();
                if (!option || !option.series || !option.series.length || !option.series[0].data) return null;
                const values = {};
                option.series[0].data.forEach(d => values[d.name] = d.value ?? null);
                return values;""");
        return read == null ? null : numbers(read);
    }

    /** A figure of every province from the summary's children ({@code path} below a child), by province code. */
    private static Map<String, Double> apiProvinces(String path) {
        Http.Response summary = reporting.get("/api/dashboard/summary");
        int provinces = summary.<List<?>>json("$.children").size();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < provinces; i++) {
            values.put(summary.json("$.children[" + i + "].region.code"), summary.json("$.children[" + i + "]." + path));
        }
        return numbers(values);
    }

    private static Map<String, Double> numbers(Map<String, Object> values) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        values.forEach((key, value) -> numbers.put(key, value == null ? null : ((Number) value).doubleValue()));
        return numbers;
    }

    private static List<String> regionNames() {
        return script("return [...document.querySelectorAll('#regions-rows tr th')].map(th => th.firstChild.textContent);");
    }

    private static WebElement heading(String column) {
        return browser.findElement(By.cssSelector("#regions-table th[data-sort-key='" + column + "']"));
    }

    private static WebElement byTestId(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
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
