package id.simpul.platform.access;

import id.simpul.platform.Actor;
import id.simpul.regions.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.util.List;

import static id.simpul.platform.access.Role.KIM_OFFICER;
import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.PROVINCE_OFFICER;
import static id.simpul.platform.access.Role.REGENCY_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTest {

    private static final Rights RIGHTS = Rights.of(
            Right.named("kims.read").own(KIM_OFFICER).scope(REGENCY_OFFICER).all(MINISTRY_ADMIN),
            Right.named("kims.verify").fourEyes(PROVINCE_OFFICER).all(MINISTRY_ADMIN),
            Right.named("regions.read").anyone());
    private static final Access OPEN = new Access(List.of(RIGHTS), true);
    private static final Access CLOSED = new Access(List.of(RIGHTS), false);
    private static final Actor BANJAR = new Actor("kominfo.banjar", List.of("REGENCY_OFFICER"), "63.03");
    private static final Actor KALSEL = new Actor("kominfo.kalsel", List.of("PROVINCE_OFFICER"), "63");

    @Test
    void anonymousCallersAre401ButForPublicRightsWhilePublicReadsAreOpen() {
        assertThat(OPEN.require("regions.read").everything()).isTrue();
        assertThat(status(() -> CLOSED.require("regions.read"))).isEqualTo(401);
        assertThat(status(() -> OPEN.require("kims.read"))).isEqualTo(401);
    }

    @Test
    void aRoleThatIsNotNamedDoesNotHoldTheRight() {
        assertThat(status(() -> as(new Actor("v", List.of("VIEWER"), ""), () -> OPEN.require("kims.read")))).isEqualTo(403);
        assertThat(status(() -> as(new Actor("x", List.of("NOT_A_ROLE"), ""), () -> OPEN.require("kims.read")))).isEqualTo(403);
        assertThatThrownBy(() -> OPEN.require("kims.unknown")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScopeHoldsAtAndInsideTheRegionOnly() {
        as(BANJAR, () -> OPEN.require("kims.read", Subject.in("63.03.05.1005")));
        as(BANJAR, () -> OPEN.require("kims.read", Subject.in("63.03")));
        assertThat(status(() -> as(BANJAR, () -> OPEN.require("kims.read", Subject.in("63.71.01.1001"))))).isEqualTo(403);
        assertThat(status(() -> as(BANJAR, () -> OPEN.require("kims.read", Subject.in("63"))))).as("above the scope").isEqualTo(403);
        assertThat(status(() -> as(BANJAR, () -> OPEN.require("kims.read", Subject.in((RegionCode) null))))).as("national").isEqualTo(403);
        assertThat(as(new Actor("n", List.of("REGENCY_OFFICER"), ""), () -> OPEN.require("kims.read")).everything())
                .as("a scope role of national scope sees everything").isTrue();
    }

    @Test
    void ownMeansTheCallersKimPartnerOrWork() {
        Actor officer = new Actor("kim.a", List.of("KIM_OFFICER"), "63.03.05.1005", null, "kim-a");
        as(officer, () -> OPEN.require("kims.read", Subject.in("63.03.05.1005").kim("kim-a")));
        assertThat(status(() -> as(officer, () -> OPEN.require("kims.read", Subject.in("63.03.05.1005").kim("kim-b"))))).isEqualTo(403);
        assertThat(as(officer, () -> OPEN.visible("kims.read")).ownKim()).contains("kim-a");
        ErrorResponseException others = refusal(() -> as(officer, () -> OPEN.require("kims.read", Subject.ownedBy("kominfo.banjar"))));
        assertThat(others.getBody().getProperties()).containsEntry("missingRight", "kims.read in someone else's");
    }

    @Test
    void fourEyesRefusesWhatTheCallerSubmittedThemselves() {
        as(KALSEL, () -> OPEN.require("kims.verify", Subject.in("63.03.05.1005").submittedBy("kominfo.banjar")));
        ErrorResponseException own = refusal(() -> as(KALSEL, () -> OPEN.require("kims.verify",
                Subject.in("63.03.05.1005").submittedBy("kominfo.kalsel"))));
        assertThat(own.getBody().getDetail()).contains("four eyes");
        assertThat(status(() -> as(BANJAR, () -> OPEN.require("kims.verify")))).isEqualTo(403);
    }

    @Test
    void simpulItselfHoldsEveryRight() {
        as(Actor.system("seed"), () -> OPEN.require("kims.verify", Subject.in("63.71.01.1001").submittedBy("simpul:seed")));
        assertThat(status(() -> as(new Actor("nobody", List.of(), ""), () -> OPEN.require("kims.read")))).isEqualTo(403);
    }

    @Test
    void aRefusalNamesTheMissingRightAndTheScope() {
        ErrorResponseException outside = refusal(() -> as(BANJAR, () -> OPEN.require("kims.read", Subject.in("63.71.01.1001"))));
        assertThat(outside.getBody().getProperties()).containsEntry("missingRight", "kims.read in 63.71.01.1001")
                .containsEntry("regionScope", "63.03");
        ErrorResponseException none = refusal(() -> as(new Actor("v", List.of("VIEWER"), ""), () -> OPEN.require("kims.read")));
        assertThat(none.getBody().getProperties()).containsEntry("missingRight", "kims.read");
    }

    private static <T> T as(Actor actor, java.util.function.Supplier<T> call) {
        return Actor.as(actor, call);
    }

    private static void as(Actor actor, Runnable call) {
        Actor.as(actor, call);
    }

    private static ErrorResponseException refusal(Runnable call) {
        try {
            call.run();
        } catch (ErrorResponseException refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    private static int status(Runnable call) {
        return refusal(call).getStatusCode().value();
    }
}
