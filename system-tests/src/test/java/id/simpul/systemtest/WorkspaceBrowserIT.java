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
 * who does it: the whole stunting campaign — the Banjar officer registers and submits a KIM (first told beside the
 * field what Banjar's rules need) and is refused another region's KIM; the South Kalimantan officer verifies it; the
 * programme manager plans a WITA training and invites the health office, which accepts with two speakers; the KIM's
 * officer enrols two members on a phone-sized window; the manager ticks attendance (and reads the
 * sign-in sheet's CSV) and completes; the officer reports
 * an output — while the public dashboard, open from the start, shows the new figures without a reload.
 * Every page visited is checked with axe-core (no serious or critical violation).
 */
class WorkspaceBrowserIT {

    private static String missing;
    private static Http web;
    private static Http registry;
    private static Http training;
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
        registry = system.http("registry-service");
        training = system.http("training-service");
        profile = Files.createTempDirectory("simpul-workspace-chromium");
        browser = DashboardBrowserIT.chromium(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // htmx replaces parts of a page while a test looks at them (the import's progress).
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        // A step that did not come about says where the browser was and what it showed.
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

    /**
     * The stunting campaign through the pages alone, each step signed in as the person who does it; the public
     * dashboard, open in another browser from the start, shows the new figures without a reload.
     */
    @Test
    void theStuntingCampaignThroughThePagesAlone() throws IOException {
        // The public dashboard, anonymous, in a browser of its own: it must follow without a reload.
        Path dashboardProfile = Files.createTempDirectory("simpul-dashboard-chromium");
        ChromeDriver dashboard = DashboardBrowserIT.chromium(dashboardProfile);
        try {
            dashboard.get(web.uri("/").toString());
            WebDriverWait dashboardWait = new WebDriverWait(dashboard, Duration.ofSeconds(30));
            dashboardWait.until(d -> digits(d.findElement(By.cssSelector("[data-testid=outputs-reach]")).getText()) >= 0);
            long reachBefore = digits(dashboard.findElement(By.cssSelector("[data-testid=outputs-reach]")).getText());
            long outputsBefore = digits(dashboard.findElement(By.cssSelector("[data-testid=outputs-count]")).getText());
            // The map, showing outputs: South Kalimantan's figure as drawn.
            new org.openqa.selenium.support.ui.Select(dashboard.findElement(By.cssSelector("[data-testid=map-metric]"))).selectByValue("outputs");
            dashboardWait.until(d -> mapValue(dashboard, "63") != null);
            double southKalimantanBefore = mapValue(dashboard, "63");

            String kimId = banjarRegistersAndSubmits();
            banjarImportsASpreadsheet();
            southKalimantanVerifies(kimId);
            String trainingTitle = "Cegah Stunting di Martapura " + UUID.randomUUID().toString().substring(0, 6);
            java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Makassar"))
                    .plus(LEAD).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String trainingId = managerPlansAndInvites(trainingTitle, start);
            healthOfficeAcceptsWithTwoSpeakers(trainingId);
            String officer = "kim.officer." + UUID.randomUUID().toString().substring(0, 6);
            system.createUser(officer, "KIM_OFFICER", "63.03.05.1005", null, kimId);
            kimOfficerEnrolsTwoMembersOnAPhone(officer, trainingId);
            managerTicksAttendanceAndCompletes(trainingId, start, kimId);
            kimOfficerReportsAnOutput(officer, trainingId, 250);

            dashboardWait.until(d -> digits(d.findElement(By.cssSelector("[data-testid=outputs-reach]")).getText()) >= reachBefore + 250
                    && digits(d.findElement(By.cssSelector("[data-testid=outputs-count]")).getText()) >= outputsBefore + 1);
            dashboardWait.until(d -> mapValue(dashboard, "63") >= southKalimantanBefore + 1);
        } finally {
            DashboardBrowserIT.close(dashboard, dashboardProfile);
        }
    }

    /** How far ahead the training starts: enrolment closes at the start, attendance opens then. */
    private static final Duration LEAD = Duration.ofSeconds(100);

    /** Banjar registers a KIM (told first, beside the field, that Banjar asks for an SK), and cannot see Papua's. */
    private static String banjarRegistersAndSubmits() {
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
        setValue("input-decree-date", "2026-03-01");
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

        // The profile edited: what the form shows changes, the SK stays.
        click("edit-kim");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=input-name]"), "value", name));
        accessible();
        type("input-memberCount", "0");
        click("save-kim");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=error-memberCount]")));
        type("input-memberCount", "22");
        click("save-kim");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=notice]")));
        assertThat(registry.get("/api/kims/" + kimId).<Integer>json("$.memberCount")).isEqualTo(22);
        assertThat(registry.get("/api/kims/" + kimId).<String>json("$.decree.number")).isEqualTo("7/SK/2026");

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
        return kimId;
    }

    /**
     * Banjar imports a spreadsheet of three rows: one registered, one whose village name fits two villages of Banjar
     * (the candidates to choose from, each opening the register form), one in Papua (outside the scope); the report is
     * followed while it runs and downloaded as CSV.
     */
    private static void banjarImportsASpreadsheet() throws IOException {
        signIn("kominfo.banjar");
        click("work-import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-form]")));
        accessible();
        // Nothing chosen: said beside the file input.
        click("import-start");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=file-error]")));
        accessible();

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Path sheet = Files.createTempFile("kim-import-banjar", ".csv");
        Files.writeString(sheet, """
                nama_kim,kode_desa,provinsi,kabupaten_kota,kecamatan,desa_kelurahan,jumlah_anggota,nomor_sk,tanggal_sk,penerbit_sk
                KIM Impor Martapura %1$s,63.03.05.1005,,,,,20,1/SK/2026,2026-01-05,Lurah Sungai Paring
                KIM Impor Pasar Lama %1$s,,Kalimantan Selatan,Kabupaten Banjar,,Pasar Lama,20,2/SK/2026,2026-01-05,Pembakal
                KIM Impor Jayapura %1$s,91.71.01.1001,,,,,20,3/SK/2026,2026-01-05,Lurah
                """.formatted(suffix));
        try {
            byTestId("import-file").sendKeys(sheet.toAbsolutePath().toString());
            click("import-start");
            // The page follows the import without a reload until it is done.
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=import-report]"), "data-status", "COMPLETED"));
        } finally {
            Files.deleteIfExists(sheet);
        }
        assertThat(text("import-processed")).isEqualTo("3 dari 3 baris diproses");
        assertThat(text("import-created")).isEqualTo("1");
        assertThat(text("import-invalid")).isEqualTo("1");
        assertThat(text("import-outside")).isEqualTo("1");
        screenshot("import-report");
        assertThat(text("import-rows")).contains("KIM Impor Pasar Lama " + suffix).contains("KIM Impor Jayapura " + suffix)
                .doesNotContain("KIM Impor Martapura " + suffix);
        accessible();

        String csv = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));""",
                byTestId("import-download").getAttribute("href"));
        assertThat(csv).contains("baris,hasil,nama_kim,id_kim,kolom,masalah,kandidat")
                .contains("KIM Impor Pasar Lama " + suffix).contains("63.03.06.2018").contains("63.03.08.2025")
                .contains("OUTSIDE_SCOPE");

        List<WebElement> candidates = browser.findElements(By.cssSelector("[data-testid=candidate]"));
        assertThat(candidates).extracting(WebElement::getText).hasSize(2).allMatch(c -> c.contains("Pasar Lama"));
        candidates.getFirst().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=kim-form]")));
        assertThat(byTestId("input-name").getAttribute("value")).isEqualTo("KIM Impor Pasar Lama " + suffix);
        assertThat(byTestId("input-villageCode").getAttribute("value")).isIn("63.03.06.2018", "63.03.08.2025");
        signOut();
    }

    private static void southKalimantanVerifies(String kimId) {
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

    /** The programme manager plans a training in Martapura (WITA) in the seed's stunting programme, and invites. */
    private static String managerPlansAndInvites(String title, java.time.LocalDateTime start) {
        signIn("pm.stunting");
        click("work-programmes");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=programmes]")));
        accessible();
        List<Map<String, Object>> programmes = training.get("/api/programmes?size=100").json("$.items");
        String seedProgramme = programmes.stream().filter(p -> "Gerakan KIM Cegah Stunting 2026".equals(p.get("title")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
        open("/workspace/programmes/" + seedProgramme);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=programme-progress]")));
        accessible();
        click("plan-in-programme");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=training-form]")));
        accessible();
        // Without times first: the service names the fields, shown beside them.
        type("input-title", title);
        type("input-topic", "Gizi 1000 hari pertama kehidupan");
        type("input-venue-regionCode", "63.03.05");
        type("input-venue-address", "Aula Kecamatan Martapura");
        type("input-capacity", "10");
        click("save-training");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=error-start]")));
        assertThat(byTestId("input-title").getAttribute("value")).isEqualTo(title);
        accessible();
        setValue("input-start", start.toString());
        setValue("input-end", start.plusHours(4).toString());
        click("save-training");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=training-title]"), title));
        assertThat(text("training-status")).isEqualTo("Draf");
        assertThat(text("training-when")).contains("WITA").contains(start.toString().substring(11, 16));
        String trainingId = browser.getCurrentUrl().replaceAll(".*/workspace/trainings/", "");
        accessible();
        click("training-to-SCHEDULED");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=training-status]"), "Terjadwal"));
        new org.openqa.selenium.support.ui.Select(byTestId("invite-partner")).selectByVisibleText("Dinas Kesehatan Kabupaten Banjar");
        click("invite");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=invitation-status]"), "Menunggu jawaban"));
        accessible();
        signOut();
        return trainingId;
    }

    private static void healthOfficeAcceptsWithTwoSpeakers(String trainingId) {
        signIn("dinkes.banjar");
        click("work-invitations");
        WebElement invitation = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=invitation-training][href$='" + trainingId + "']")));
        accessible();
        invitation.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=accept-form]")));
        accessible();
        type("speaker-0-name", "dr. Nurul Hidayah");
        type("speaker-0-role", "Dokter, Dinas Kesehatan");
        type("speaker-1-name", "Rahmawati, S.Gz.");
        type("speaker-1-role", "Ahli gizi, Puskesmas Martapura 1");
        click("accept");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=my-invitation-status]"), "Diterima"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=speaker]"))).extracting(WebElement::getText)
                .contains("dr. Nurul Hidayah · Dokter, Dinas Kesehatan", "Rahmawati, S.Gz. · Ahli gizi, Puskesmas Martapura 1");
        assertThat(browser.findElements(By.cssSelector("[data-testid=accept-form]"))).isEmpty();
        screenshot("partner-accepted");
        accessible();
        signOut();
    }

    private static void kimOfficerEnrolsTwoMembersOnAPhone(String officer, String trainingId) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            signIn(officer, SimpulSystem.TEST_PASSWORD);
            click("work-my-kim");
            for (String member : List.of("Siti Aminah", "Ahmad Fauzi")) {
                WebElement training = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-training='" + trainingId + "']")));
                accessible();
                training.findElement(By.cssSelector("[data-testid=participant-name]")).sendKeys(member);
                training.findElement(By.cssSelector("[data-testid=participant-role]")).sendKeys("Pengurus KIM");
                training.findElement(By.cssSelector("[data-testid=enrol]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=notice]")));
                assertThat(text("my-enrolments")).contains(member);
            }
            screenshot("kim-officer-phone");
            // Nothing of the page is wider than the phone.
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            accessible();
            signOut();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    private static void managerTicksAttendanceAndCompletes(String trainingId, java.time.LocalDateTime start, String kimId) throws IOException {
        signIn("pm.stunting");
        java.time.Instant begins = start.atZone(java.time.ZoneId.of("Asia/Makassar")).toInstant();
        org.awaitility.Awaitility.await().atMost(LEAD.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> java.time.Instant.now().isAfter(begins.plusSeconds(1)));
        open("/workspace/trainings/" + trainingId);
        assertThat(browser.findElements(By.cssSelector("[data-testid=seated]"))).hasSize(2);
        accessible();
        // One ticked on the sheet, the other from the sign-in sheet's CSV.
        click("present-Siti Aminah");
        click("save-attendance");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=notice]"), "Kehadiran dicatat."));
        assertThat(byTestId("present-Siti Aminah").isSelected()).isTrue();
        assertThat(byTestId("present-Ahmad Fauzi").isSelected()).isFalse();
        Path sheet = Files.createTempFile("daftar-hadir", ".csv");
        try {
            Files.writeString(sheet, "kim_id;nama_peserta\n" + kimId + ";ahmad  fauzi\n");
            byTestId("sheet-file").sendKeys(sheet.toAbsolutePath().toString());
            click("upload-sheet");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=notice]"), "Kehadiran dicatat."));
        } finally {
            Files.deleteIfExists(sheet);
        }
        assertThat(byTestId("present-Ahmad Fauzi").isSelected()).isTrue();
        click("training-to-COMPLETED");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=training-status]"), "Selesai"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=certificate]"))).hasSize(2);
        screenshot("training");
        accessible();
        signOut();
    }

    private static void kimOfficerReportsAnOutput(String officer, String trainingId, int reached) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            signIn(officer, SimpulSystem.TEST_PASSWORD);
            click("work-my-kim");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=my-certificates]")));
            assertThat(text("my-certificates")).contains("Siti Aminah").contains("Ahmad Fauzi");
            String programme = training.get("/api/trainings/" + trainingId).json("$.programmeId");
            new org.openqa.selenium.support.ui.Select(byTestId("output-programme")).selectByValue(programme);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("trainingId"))).selectByValue(trainingId);
            new org.openqa.selenium.support.ui.Select(byTestId("output-channel")).selectByValue("WHATSAPP");
            type("input-url", "https://wa.me/c/kim-stunting-martapura");
            type("input-peopleReached", String.valueOf(reached));
            click("report-output");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=notice]"), "Keluaran dilaporkan."));
            accessible();
            signOut();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
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

    /** Where the campaign's screenshots go (the README's come from here). */
    private static final Path SCREENSHOTS = Path.of("target", "workspace-screenshots");

    /** A screenshot of the whole page as it is now, for people to look at; no check. */
    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException | org.openqa.selenium.WebDriverException e) {
            System.err.println("No screenshot " + name + ": " + e.getMessage());
        }
    }

    /** Sets an input's value as a date or time picker would (their typing differs by locale). */
    private static void setValue(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", byTestId(id), value);
    }

    /** The figure the dashboard's province map draws for {@code province}, or null before it is drawn. */
    private static Double mapValue(ChromeDriver dashboard, String province) {
        Object value = dashboard.executeScript("""
                const chart = window.echarts && echarts.getInstanceByDom(document.getElementById('chart-map'));
                const option = chart && chart.getOption();
                const data = option && option.series && option.series.length ? option.series[0].data : null;
                const entry = data && data.find(d => d.name === arguments[0]);
                return entry && entry.value != null ? Number(entry.value) : null;""", province);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static long digits(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
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
