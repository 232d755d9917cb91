package id.simpul.registry.kim;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/access.md for KIMs, as the people of docs/DESIGN.md call the API: a regency officer inside and outside
 * their regency, the province's four eyes on verification, a KIM officer and their own KIM, callers without the
 * right at all, and an import with rows on both sides of the scope.
 */
class KimAccessIntegrationTest extends KimApiTestBase {

    private static final String SUNGAI_PARING = "63.03.05.1005";
    private static final String MANTUIL = "63.71.01.1001";

    private KimApi as(Caller caller) {
        return new KimApi(TestIssuer.as(caller, port));
    }

    @Test
    void anAnonymousCallerIsToldToSignIn() {
        Http.Response anonymous = new KimApi(Http.local(port)).register(KimApi.validBody(KimApi.uniqueName("KIM Anonim"), SUNGAI_PARING));

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat((String) anonymous.json("$.type")).endsWith("/unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(Http.local(port).get("/api/kims").status()).isEqualTo(401);
        assertThat(Http.local(port).get("/api/regions/63.03").status()).as("the region reference is public").isEqualTo(200);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aRegencyOfficerRegistersInsideTheRegencyAndIsRefusedOutsideIt(org.springframework.boot.test.system.CapturedOutput log) {
        KimApi banjar = as(Caller.REGENCY_OFFICER);

        Http.Response inside = banjar.register(KimApi.validBody(KimApi.uniqueName("KIM Banjar"), SUNGAI_PARING));
        Http.Response outside = banjar.register(KimApi.validBody(KimApi.uniqueName("KIM Banjarmasin"), MANTUIL));

        assertThat(inside.status()).as(inside.body()).isEqualTo(201);
        assertThat((String) inside.json("$.history[0].by.id")).isEqualTo("kominfo.banjar");
        assertThat(inside.<List<String>>json("$.history[0].by.roles")).containsExactly("REGENCY_OFFICER");
        assertThat((String) inside.json("$.history[0].by.regionScope")).isEqualTo("63.03");
        assertThat(outside.status()).as(outside.body()).isEqualTo(403);
        assertThat((String) outside.json("$.type")).endsWith("/forbidden");
        assertThat((String) outside.json("$.missingRight")).isEqualTo("kims.register in " + MANTUIL);
        assertThat((String) outside.json("$.detail")).contains("region scope 63.03");
        assertThat(log.getOut()).as("the refusal is logged").contains("access refused status=403 right=kims.register "
                + "actor=kominfo.banjar roles=[REGENCY_OFFICER] regionScope=63.03");
        assertThat(api.http.get("/api/kims?q=" + "KIM%20Banjarmasin").<Integer>json("$.totalItems"))
                .as("nothing stored").isZero();
    }

    @Test
    void aCallerWithoutTheRightIsRefusedBeforeTheBodyIsRead() {
        Http.Response viewer = as(Caller.VIEWER).register("{not json");
        Http.Response kimOfficer = as(Caller.kimOfficer("kim.x", UUID.randomUUID().toString(), SUNGAI_PARING))
                .register(KimApi.validBody(KimApi.uniqueName("KIM X"), SUNGAI_PARING));

        assertThat(viewer.status()).as(viewer.body()).isEqualTo(403);
        assertThat((String) viewer.json("$.missingRight")).isEqualTo("kims.register");
        assertThat(kimOfficer.status()).isEqualTo(403);
    }

    @Test
    void whoeverSubmittedAKimDoesNotVerifyItAndARegencyDoesNotVerifyAtAll() {
        KimApi kalsel = as(Caller.PROVINCE_OFFICER);
        String byBanjar = as(Caller.REGENCY_OFFICER).registerValid(KimApi.uniqueName("KIM Empat Mata"), SUNGAI_PARING);
        String byKalsel = kalsel.registerValid(KimApi.uniqueName("KIM Diajukan Provinsi"), SUNGAI_PARING);

        Http.Response regency = as(Caller.REGENCY_OFFICER).changeStatus(byBanjar, "VERIFIED", null);
        Http.Response ownSubmission = kalsel.changeStatus(byKalsel, "VERIFIED", null);
        Http.Response province = kalsel.changeStatus(byBanjar, "VERIFIED", null);
        Http.Response anotherProvince = as(Caller.of("kominfo.kaltim", "PROVINCE_OFFICER", "64")).changeStatus(byKalsel, "VERIFIED", null);

        assertThat(regency.status()).as(regency.body()).isEqualTo(403);
        assertThat((String) regency.json("$.missingRight")).isEqualTo("kims.verify");
        assertThat(ownSubmission.status()).as(ownSubmission.body()).isEqualTo(403);
        assertThat((String) ownSubmission.json("$.detail")).contains("four eyes");
        assertThat(anotherProvince.status()).isEqualTo(403);
        assertThat(province.status()).as(province.body()).isEqualTo(200);
        assertThat((String) province.json("$.history[1].by.id")).isEqualTo("kominfo.kalsel");
        assertThat(api.changeStatus(byKalsel, "VERIFIED", null).status()).as("the ministry verifies anything").isEqualTo(200);
        Http.Response rejected = as(Caller.REGENCY_OFFICER).changeStatus(
                as(Caller.REGENCY_OFFICER).registerValid(KimApi.uniqueName("KIM Ditolak"), SUNGAI_PARING), "REJECTED", "SK belum ada");
        assertThat(rejected.status()).as("other steps stay with the regency: " + rejected.body()).isEqualTo(200);
    }

    @Test
    void anOfficerReadsAndListsOnlyInsideTheScopeAndCannotMoveAKimOutOfIt() {
        String banjarKim = api.registerValid(KimApi.uniqueName("KIM Lingkup"), SUNGAI_PARING);
        String banjarmasinKim = api.registerValid(KimApi.uniqueName("KIM Lingkup"), MANTUIL);
        KimApi banjar = as(Caller.REGENCY_OFFICER);

        assertThat(banjar.get(banjarKim).status()).isEqualTo(200);
        assertThat(banjar.get(banjarmasinKim).status()).isEqualTo(403);
        List<String> villages = banjar.http.get("/api/kims?q=KIM%20Lingkup&size=100").json("$.items[*].villageCode");
        assertThat(villages).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith("63.03."));
        assertThat(banjar.http.get("/api/kims?region=63.71&size=100").<Integer>json("$.totalItems")).isZero();
        assertThat(api.http.get("/api/kims?region=63.71&q=KIM%20Lingkup").<Integer>json("$.totalItems")).isPositive();

        Http.Response read = banjar.get(banjarKim);
        Http.Response moved = banjar.put(banjarKim, read.header("ETag").orElseThrow(),
                KimApi.validBody(read.json("$.name"), MANTUIL));
        assertThat(moved.status()).as(moved.body()).isEqualTo(403);
        assertThat(api.get(banjarKim).<String>json("$.villageCode")).isEqualTo(SUNGAI_PARING);
    }

    @Test
    void aKimOfficerSeesTheirOwnKimOnly() {
        String own = api.registerValid(KimApi.uniqueName("KIM Sendiri"), SUNGAI_PARING);
        String neighbour = api.registerValid(KimApi.uniqueName("KIM Tetangga"), SUNGAI_PARING);
        KimApi officer = as(Caller.kimOfficer("kim.sendiri", own, SUNGAI_PARING));

        assertThat(officer.get(own).status()).isEqualTo(200);
        assertThat(officer.get(neighbour).status()).isEqualTo(403);
        assertThat(officer.http.get("/api/kims?size=100").<List<String>>json("$.items[*].id")).containsExactly(own);
        assertThat(officer.changeStatus(own, "VERIFIED", null).status()).isEqualTo(403);
    }

    @Test
    void anImportStoresTheRowsInsideTheScopeAndReportsTheRest() {
        String inside = KimApi.uniqueName("KIM Impor Dalam");
        String outside = KimApi.uniqueName("KIM Impor Luar");
        byte[] file = ("nama_kim,kode_desa,jumlah_anggota,nomor_sk,tanggal_sk,bidang_fokus\n"
                + inside + "," + SUNGAI_PARING + ",20,1/SK/2020,2020-02-02,Kesehatan\n"
                + outside + "," + MANTUIL + ",20,2/SK/2020,2020-02-02,Kesehatan\n").getBytes(StandardCharsets.UTF_8);
        Http banjar = TestIssuer.as(Caller.REGENCY_OFFICER, port);

        Http.Response started = banjar.postFile("/api/kims/imports", "file", "campur.csv", file);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json("$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(banjar.get("/api/kims/imports/" + id).json("$.summary.status")));
        Http.Response report = banjar.get("/api/kims/imports/" + id);

        assertThat((Integer) report.json("$.summary.created")).isEqualTo(1);
        assertThat((Integer) report.json("$.summary.outsideScope")).isEqualTo(1);
        assertThat((String) report.json("$.summary.startedBy")).isEqualTo("kominfo.banjar");
        assertThat(report.<List<String>>json("$.report.items[?(@.outcome == 'OUTSIDE_SCOPE')].problems[0].message"))
                .singleElement().asString().contains(MANTUIL, "63.03");
        assertThat(api.http.get("/api/kims?q=" + outside.replace(" ", "%20")).<Integer>json("$.totalItems")).isZero();
        Http.Response stored = api.http.get("/api/kims?q=" + inside.replace(" ", "%20"));
        assertThat((String) stored.json("$.items[0].history[0].by.id")).isEqualTo("kominfo.banjar");
        assertThat(TestIssuer.as(Caller.PROVINCE_OFFICER, port).get("/api/kims/imports/" + id).status())
                .as("an import's report is its starter's").isEqualTo(403);
        assertThat(Http.local(port).postFile("/api/kims/imports", "file", "campur.csv", file).status()).isEqualTo(401);
    }

    @Test
    void healthIsPublicItsDetailsAndTheMetricsAreTheOperators() {
        Http.Response anonymous = Http.local(port).get("/actuator/health");
        Http.Response viewer = TestIssuer.as(Caller.VIEWER, port).get("/actuator/health");
        Http.Response operator = TestIssuer.as(Caller.OPERATOR, port).get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat((String) anonymous.json("$.status")).isEqualTo("UP");
        assertThat(anonymous.body()).doesNotContain("components", "clusterId");
        assertThat(viewer.body()).doesNotContain("components");
        assertThat((String) operator.json("$.components.kafka.status")).isEqualTo("UP");
        assertThat(Http.local(port).get("/actuator/health/readiness").body()).doesNotContain("components");
        Http.Response readiness = TestIssuer.as(Caller.OPERATOR, port).get("/actuator/health/readiness");
        assertThat((String) readiness.json("$.components.kimList.status")).as("ready once the KIMs are listed").isEqualTo("UP");
        assertThat(readiness.<Integer>json("$.components.kimList.details.kims")).isNotNegative();

        assertThat(Http.local(port).get("/actuator/prometheus").status()).isEqualTo(401);
        Http.Response viewerMetrics = TestIssuer.as(Caller.VIEWER, port).get("/actuator/prometheus");
        assertThat(viewerMetrics.status()).isEqualTo(403);
        assertThat((String) viewerMetrics.json("$.type")).endsWith("/forbidden");
        assertThat(TestIssuer.as(Caller.OPERATOR, port).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(TestIssuer.as(Caller.OPERATOR, port).get("/actuator/metrics").status()).isEqualTo(200);
    }
}
