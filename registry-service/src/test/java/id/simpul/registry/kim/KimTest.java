package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KimTest {

    private static final Changer BY = new Changer("kominfo.banjar", java.util.List.of("REGENCY_OFFICER"), "63.03");

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final RegionCode SUNGAI_PARING = new RegionCode("63.03.05.1005");
    private static final RegionalRule NO_RULE = RegionalRule.none();
    private static final RegionalRule BANJAR = new RegionalRule(15, true,
            new RegionalRule.Source("Kabupaten Banjar (63.03)", "Kabupaten Banjar (63.03)"));

    private static KimProfile profile(String name, Integer members, Decree decree) {
        return new KimProfile(name, SUNGAI_PARING, null, null, decree, null, members, null, null, null, null);
    }

    private static Kim registered() {
        return Kim.register(KimId.newId(), KimProfile.minimal("KIM Sungai Paring", SUNGAI_PARING), KimStatus.SUBMITTED,
                null, NO_RULE, NOW, BY).kim();
    }

    @Test
    void aRegisteredKimAwaitsVerificationAtVersionOne() {
        KimProfile profile = new KimProfile("KIM Sungai Paring Sehat", SUNGAI_PARING, null, LocalDate.of(2021, 1, 11), null,
                null, 18, null, List.of(new MediaChannel(MediaType.INSTAGRAM, "@kimsp", 300)), Set.of(FocusArea.HEALTH), "KIM-1");

        Kim.Registration registration = Kim.register(KimId.newId(), profile, KimStatus.SUBMITTED, null, NO_RULE, NOW, BY);

        assertThat(registration.kim().status()).isEqualTo(KimStatus.SUBMITTED);
        assertThat(registration.kim().version()).isEqualTo(1);
        assertThat(registration.kim().history()).containsExactly(new StatusChange(null, KimStatus.SUBMITTED, null, NOW, BY));
        assertThat(registration.event()).isEqualTo(new KimRegistered(registration.kim().id(), 1, "KIM Sungai Paring Sehat",
                SUNGAI_PARING, KimStatus.SUBMITTED, Set.of(FocusArea.HEALTH), profile.media(), 18,
                LocalDate.of(2021, 1, 11), "KIM-1", NOW));
    }

    @Test
    void aNewKimStartsAsCandidateOrSubmitted() {
        assertThatThrownBy(() -> Kim.register(KimId.newId(), KimProfile.minimal("KIM A", SUNGAI_PARING), KimStatus.ACTIVE,
                null, NO_RULE, NOW, BY))
                .isInstanceOf(KimRuleException.class)
                .satisfies(e -> assertThat(((KimRuleException) e).violations()).extracting(RuleViolation::field).containsExactly("status"));
    }

    @Test
    void aKimMustMeetItsRegionsRules() {
        assertThatThrownBy(() -> Kim.register(KimId.newId(), profile("KIM A", 12, null), KimStatus.SUBMITTED, null, BANJAR, NOW, BY))
                .isInstanceOfSatisfying(KimRuleException.class, e -> assertThat(e.violations()).containsExactly(
                        new RuleViolation("memberCount", "must be at least 15: Kabupaten Banjar (63.03) requires at least 15 members"),
                        new RuleViolation("decree.number", "is required: Kabupaten Banjar (63.03) requires the founding decree (SK)"),
                        new RuleViolation("decree.date", "is required: Kabupaten Banjar (63.03) requires the founding decree (SK)")));
    }

    @Test
    void aMissingMemberCountIsReportedWhereAMinimumApplies() {
        assertThat(Kim.violations(profile("KIM A", null, new Decree("1/SK/2020", LocalDate.of(2020, 1, 1), null)), BANJAR))
                .extracting(RuleViolation::field).containsExactly("memberCount");
    }

    @Test
    void aCandidateCommunityNeedNotMeetTheRulesUntilItIsSubmitted() {
        Kim candidate = Kim.register(KimId.newId(), profile("Pemuda Tanjung Rema", 9, null), KimStatus.CANDIDATE,
                new CandidateCriteria(true, true, true, false), BANJAR, NOW, BY).kim();

        assertThatThrownBy(() -> candidate.changeStatus(KimStatus.SUBMITTED, null, BANJAR, LATER, BY))
                .isInstanceOf(KimRuleException.class);
        assertThat(candidate.status()).isEqualTo(KimStatus.CANDIDATE);
        assertThat(candidate.version()).isEqualTo(1);
    }

    @Test
    void aCandidateMeetingTheRulesIsPromoted() {
        Kim candidate = Kim.register(KimId.newId(), profile("Pemuda Tanjung Rema", 16,
                new Decree("7/SK/2026", LocalDate.of(2026, 10, 1), "Kepala Desa")), KimStatus.CANDIDATE, null, BANJAR, NOW, BY).kim();

        KimStatusChanged changed = candidate.changeStatus(KimStatus.SUBMITTED, "Ready", BANJAR, LATER, BY);

        assertThat(changed.previousStatus()).isEqualTo(KimStatus.CANDIDATE);
        assertThat(changed.status()).isEqualTo(KimStatus.SUBMITTED);
        assertThat(changed.version()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SUBMITTED,ACTIVE", "VERIFIED,SUBMITTED", "ACTIVE,VERIFIED", "REJECTED,VERIFIED", "CANDIDATE,ACTIVE"})
    void illegalTransitionsAreRefusedWithTheAllowedOnes(KimStatus from, KimStatus to) {
        assertThat(from.canBecome(to)).isFalse();
        assertThat(new IllegalTransitionException(from, to).getMessage()).contains(from.next().toString());
    }

    @Test
    void aKimGoesThroughItsLifecycleKeepingTheHistory() {
        Kim kim = registered();

        kim.changeStatus(KimStatus.VERIFIED, null, NO_RULE, LATER, BY);
        kim.changeStatus(KimStatus.ACTIVE, null, NO_RULE, LATER, BY);
        kim.changeStatus(KimStatus.DORMANT, "No activity for a year", NO_RULE, LATER, BY);
        KimStatusChanged last = kim.changeStatus(KimStatus.ACTIVE, null, NO_RULE, LATER, BY);

        assertThat(last.version()).isEqualTo(5);
        assertThat(kim.history()).extracting(StatusChange::to).containsExactly(KimStatus.SUBMITTED, KimStatus.VERIFIED,
                KimStatus.ACTIVE, KimStatus.DORMANT, KimStatus.ACTIVE);
        assertThat(kim.history().get(3).reason()).isEqualTo("No activity for a year");
    }

    @Test
    void aRejectedKimCanBeSubmittedAgain() {
        Kim kim = registered();
        kim.changeStatus(KimStatus.REJECTED, "SK missing", NO_RULE, LATER, BY);

        assertThat(kim.changeStatus(KimStatus.SUBMITTED, null, NO_RULE, LATER, BY).status()).isEqualTo(KimStatus.SUBMITTED);
    }

    @Test
    void aDissolvedKimCannotChangeAnyMore() {
        Kim kim = registered();
        kim.changeStatus(KimStatus.DISSOLVED, "Members joined another KIM", NO_RULE, LATER, BY);

        assertThatThrownBy(() -> kim.changeStatus(KimStatus.ACTIVE, null, NO_RULE, LATER, BY))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("A DISSOLVED KIM cannot change status");
    }

    @Test
    void rejectingPuttingToSleepOrDissolvingNeedsAReason() {
        Kim kim = registered();

        assertThatThrownBy(() -> kim.changeStatus(KimStatus.REJECTED, "  ", NO_RULE, LATER, BY))
                .isInstanceOfSatisfying(KimRuleException.class,
                        e -> assertThat(e.violations()).extracting(RuleViolation::field).containsExactly("reason"));
        assertThat(kim.status()).isEqualTo(KimStatus.SUBMITTED);
    }

    @Test
    void anUpdateThatChangesNothingCausesNoEvent() {
        Kim kim = registered();

        Optional<KimUpdated> updated = kim.update(KimProfile.minimal("  KIM  Sungai Paring ", SUNGAI_PARING), null, NO_RULE, LATER);

        assertThat(updated).isEmpty();
        assertThat(kim.version()).isEqualTo(1);
    }

    @Test
    void anUpdateCarriesTheNewProfileAndTheNextVersion() {
        Kim kim = registered();

        KimUpdated updated = kim.update(profile("KIM Sungai Paring Sehat", 20, null), null, NO_RULE, LATER).orElseThrow();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.name()).isEqualTo("KIM Sungai Paring Sehat");
        assertThat(updated.memberCount()).isEqualTo(20);
        assertThat(kim.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anUpdateMustKeepTheRegionsRules() {
        Kim kim = Kim.register(KimId.newId(), profile("KIM A", 20, new Decree("1/SK", LocalDate.of(2020, 1, 1), null)),
                KimStatus.SUBMITTED, null, BANJAR, NOW, BY).kim();

        assertThatThrownBy(() -> kim.update(profile("KIM A", 14, new Decree("1/SK", LocalDate.of(2020, 1, 1), null)), null, BANJAR, LATER))
                .isInstanceOf(KimRuleException.class);
        assertThat(kim.profile().memberCount()).isEqualTo(20);
    }

    @Test
    void namesAreTidiedAndTheirKeyIgnoresCasePunctuationAndAKimPrefix() {
        KimProfile profile = KimProfile.minimal("  KIM   Sinar-Banjar\t", SUNGAI_PARING);

        assertThat(profile.name()).isEqualTo("KIM Sinar-Banjar");
        assertThat(profile.nameKey()).isEqualTo("sinar banjar")
                .isEqualTo(KimProfile.minimal("sinar banjar", SUNGAI_PARING).nameKey());
    }

    @Test
    void aKimSitsInAVillageNotInADistrict() {
        assertThatThrownBy(() -> KimProfile.minimal("KIM Kecamatan", new RegionCode("63.03.05")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DISTRICT");
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        assertThatThrownBy(() -> KimProfile.minimal(" \t ", SUNGAI_PARING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KimProfile.minimal("K".repeat(KimProfile.NAME_MAX_LENGTH + 1), SUNGAI_PARING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seedKimsReachTheirStatusByTheShortestLifecyclePath() {
        assertThat(SeedKims.path(KimStatus.SUBMITTED, KimStatus.DORMANT))
                .containsExactly(KimStatus.VERIFIED, KimStatus.ACTIVE, KimStatus.DORMANT);
        assertThat(SeedKims.path(KimStatus.SUBMITTED, KimStatus.REJECTED)).containsExactly(KimStatus.REJECTED);
        assertThat(SeedKims.path(KimStatus.SUBMITTED, KimStatus.SUBMITTED)).isEmpty();
    }
}
