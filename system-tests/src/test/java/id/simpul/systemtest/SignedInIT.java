package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue's own checks of sign-in, with every service running and the demo users signed in through
 * identity-service's real authorization code + PKCE flow (as {@code ./simpul token} does): who may register where,
 * import what, start a rebuild, read partners.
 */
class SignedInIT {

    private static final String SUNGAI_PARING = "63.03.05.1005";
    private static final String MANTUIL = "63.71.01.1001";
    private static SimpulSystem system;

    @BeforeAll
    static void startSystem() {
        system = SimpulSystem.get();
    }

    private static String kim(String name, String village) {
        return """
                {"name": "%s %s", "villageCode": "%s", "memberCount": 20,
                 "decree": {"number": "4/SK/2024", "date": "2024-04-04", "issuer": "Lurah"}}"""
                .formatted(name, UUID.randomUUID().toString().substring(0, 8), village);
    }

    @Test
    void theBanjarOfficerRegistersInBanjarOnlyAndAnonymousCallersNotAtAll() {
        Http.Response anonymous = system.anonymous("registry-service").postJson("/api/kims", kim("KIM Anonim", SUNGAI_PARING));
        Http banjar = system.as("kominfo.banjar", "registry-service");
        Http.Response inside = banjar.postJson("/api/kims", kim("KIM Sungai Paring Baru", SUNGAI_PARING));
        Http.Response outside = banjar.postJson("/api/kims", kim("KIM Mantuil Baru", MANTUIL));

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(inside.status()).as(inside.body()).isEqualTo(201);
        assertThat(outside.status()).as(outside.body()).isEqualTo(403);
        assertThat((String) outside.json("$.detail")).contains("63.03", MANTUIL);
    }

    @Test
    void anImportByTheBanjarOfficerStoresTheBanjarRowsAndReportsTheOthers() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = ("nama_kim,kode_desa,jumlah_anggota,nomor_sk,tanggal_sk\n"
                + "KIM Impor Banjar " + run + "," + SUNGAI_PARING + ",20,5/SK/2024,2024-05-05\n"
                + "KIM Impor Banjarmasin " + run + "," + MANTUIL + ",20,6/SK/2024,2024-05-05\n").getBytes(StandardCharsets.UTF_8);
        Http banjar = system.as("kominfo.banjar", "registry-service");

        Http.Response started = banjar.postFile("/api/kims/imports", "file", "campur.csv", file);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String report = "/api/kims/imports/" + started.json("$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(banjar.get(report).json("$.summary.status")));

        Http.Response done = banjar.get(report);
        assertThat((Integer) done.json("$.summary.created")).isEqualTo(1);
        assertThat((Integer) done.json("$.summary.outsideScope")).isEqualTo(1);
        assertThat(done.<List<Integer>>json("$.report.items[?(@.outcome == 'OUTSIDE_SCOPE')].row")).as("spreadsheet rows: the header is row 1").containsExactly(3);
        Http admin = system.http("registry-service");
        assertThat(admin.get("/api/kims?q=KIM%20Impor%20Banjarmasin%20" + run).<Integer>json("$.totalItems")).isZero();
        assertThat(admin.get("/api/kims?q=KIM%20Impor%20Banjar%20" + run).<Integer>json("$.totalItems")).isEqualTo(1);
    }

    @Test
    void onlyTheMinistryStartsARebuild() {
        String rebuild = "/api/admin/projections/rebuild";

        Http.Response anonymous = system.anonymous("reporting-service").postJson(rebuild, "{}");
        Http.Response viewer = system.as("viewer", "reporting-service").postJson(rebuild, "{}");
        Http.Response operator = system.as("operator", "reporting-service").get("/api/admin/projections");

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(viewer.status()).as(viewer.body()).isEqualTo(403);
        assertThat((String) viewer.json("$.missingRight")).isEqualTo("projections.rebuild");
        assertThat(operator.status()).as("operators follow the projections").isEqualTo(200);
        assertThat(system.as("operator", "reporting-service").postJson(rebuild, "{}").status()).isEqualTo(403);
        // The ministry admin's rebuild (202) is FaultSuiteIT's: one rebuild in the suite, while no figures are compared.
    }

    @Test
    void theBanjarHealthOfficeSeesOnlyItsOwnInvitations() {
        String dinkes = seedId("partner-dinkes-banjar");
        String puskesmas = seedId("partner-puskesmas-abepura");
        Http office = system.as("dinkes.banjar", "training-service");

        Http.Response own = office.get("/api/partners/" + dinkes + "/invitations?size=100");
        Http.Response other = office.get("/api/partners/" + puskesmas + "/invitations");
        List<String> trainings = office.get("/api/trainings?size=100").json("$.items[*].id");

        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.<List<String>>json("$.items[*].invitation.partner.partnerId")).isNotEmpty().containsOnly(dinkes);
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(trainings).as("the trainings it is invited to").containsExactlyInAnyOrderElementsOf(
                own.<List<String>>json("$.items[*].training.id"));
        assertThat(trainings).doesNotContain(seedId("training-jayapura"));
    }

    /** The ids training-service's seed gives its programme, partners and trainings. */
    private static String seedId(String key) {
        return UUID.nameUUIDFromBytes(("simpul-seed-training:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void partnersContactsAreNotPublic() {
        Http.Response anonymous = system.anonymous("training-service").get("/api/partners");
        Http.Response viewer = system.as("viewer", "training-service").get("/api/partners");

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("@", "+62");
        assertThat(viewer.status()).isEqualTo(403);
    }
}
