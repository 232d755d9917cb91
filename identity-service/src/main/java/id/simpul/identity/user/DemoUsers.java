package id.simpul.identity.user;

import id.simpul.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One demo user per role, created on the first start when {@code simpul.identity.demo-users=true} (./simpul start
 * sets it), all with {@code simpul.identity.demo-password}. Partner and KIM ids are those the training and registry
 * seeds give the Banjar health office and KIM Sungai Paring.
 */
public final class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** The id training-service's seed gives the health office of Kabupaten Banjar. */
    public static final String DINKES_BANJAR = seedId("simpul-seed-training:partner-dinkes-banjar");
    /** The id registry-service's seed gives KIM Sungai Paring (seed key banjar-sungai-paring). */
    public static final String KIM_SUNGAI_PARING = seedId("simpul-seed-kim:banjar-sungai-paring");

    record Demo(String username, String name, Role role, String scope, String partnerId, String kimId) {
    }

    static final List<Demo> ALL = List.of(
            new Demo("admin@kemkomdigi", "Admin Kemkomdigi", Role.MINISTRY_ADMIN, "", null, null),
            new Demo("kominfo.kalsel", "Diskominfo Kalimantan Selatan", Role.PROVINCE_OFFICER, "63", null, null),
            new Demo("kominfo.banjar", "Diskominfo Kabupaten Banjar", Role.REGENCY_OFFICER, "63.03", null, null),
            new Demo("pm.stunting", "Manajer Program Stunting", Role.PROGRAMME_MANAGER, "", null, null),
            new Demo("dinkes.banjar", "Dinas Kesehatan Kabupaten Banjar", Role.PARTNER, "63.03", DINKES_BANJAR, null),
            new Demo("kim.sungaiparing", "KIM Sungai Paring", Role.KIM_OFFICER, "63.03.05.1005", null, KIM_SUNGAI_PARING),
            new Demo("viewer", "Pemirsa", Role.VIEWER, "", null, null),
            new Demo("operator", "Operator Simpul", Role.OPERATOR, "", null, null));

    private DemoUsers() {
    }

    /** Creates the demo users unless the store holds users already (first start only). */
    public static void createIfFirstStart(UserStore users, PasswordEncoder encoder, PasswordPolicy policy,
                                          IdentityProperties properties, Clock clock) {
        if (!properties.demoUsers() || users.any()) {
            return;
        }
        policy.problem(properties.demoPassword()).ifPresent(problem -> {
            throw new IllegalStateException("simpul.identity.demo-password " + problem);
        });
        String hash = encoder.encode(properties.demoPassword());
        for (Demo demo : ALL) {
            users.insert(new UserAccount(UUID.randomUUID().toString(), demo.username(), demo.name(), hash, Set.of(demo.role()),
                    new RegionScope(demo.scope()), demo.partnerId(), demo.kimId(), true, null, clock.instant(), "demo-users"));
        }
        log.info("Created {} demo users (simpul.identity.demo-users=true)", ALL.size());
    }

    private static String seedId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
