package dev.funnel.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.funnel.common.InvalidTransitionException;
import dev.funnel.contact.Lifecycle.Criteria;
import dev.funnel.contact.Lifecycle.Criterion;
import dev.funnel.contact.Lifecycle.FollowUpCaps;
import dev.funnel.contact.Lifecycle.Move;
import dev.funnel.contact.Lifecycle.Profile;
import dev.funnel.interaction.Channel;
import dev.funnel.interaction.Direction;

/** The pure rules, transition by transition, allowed and refused. */
class LifecycleTest {

    private static final Criteria FRANCE_10_TO_500 = new Criteria(Set.of("FR"), Set.of(), Set.of("bakery"), 10, 500,
            new BigDecimal("100000"), 3);
    private static final Criteria NONE = new Criteria(Set.of(), Set.of(), Set.of(), null, null, null, 3);
    private static final FollowUpCaps CAPS = new FollowUpCaps(3, 14, 6);

    private static Profile profile(String country, Integer employees, String revenue, boolean quote, int visits) {
        return new Profile(country, null, "bakery", employees, revenue == null ? null : new BigDecimal(revenue), quote,
                false, visits);
    }

    // rule 1
    @Test
    void suspectMeetingCriteriaWithInterestQualifies() {
        var q = Lifecycle.qualification(profile("FR", 50, "200000", true, 0), FRANCE_10_TO_500);
        assertTrue(q.qualified());
        assertEquals(Optional.of(new Move(Stage.SUSPECT, Stage.LEAD, StageTrigger.CRITERIA)),
                Lifecycle.afterProfileChange(Stage.SUSPECT, q));
    }

    @Test
    void eachFailingCriterionIsNamedWithItsReason() {
        var q = Lifecycle.qualification(profile("BE", 5, "1000", false, 1), FRANCE_10_TO_500);
        assertFalse(q.qualified());
        List<Criterion> failed = q.results().stream().filter(r -> !r.passed()).map(Lifecycle.CriterionResult::criterion).toList();
        assertEquals(List.of(Criterion.COUNTRY, Criterion.MIN_EMPLOYEES, Criterion.MIN_ANNUAL_REVENUE, Criterion.INTEREST), failed);
        assertTrue(q.results().get(0).reason().contains("BE is not among"), q.results().get(0).reason());
        assertEquals(Optional.empty(), Lifecycle.afterProfileChange(Stage.SUSPECT, q));
    }

    @Test
    void unknownValuesFailACriterionThatIsSet() {
        var q = Lifecycle.qualification(profile(null, null, null, true, 0), FRANCE_10_TO_500);
        assertFalse(q.qualified());
        assertTrue(q.results().stream().filter(r -> !r.passed()).allMatch(r -> r.reason().contains("unknown")));
    }

    @Test
    void criteriaWithoutInterestDoNotQualify() {
        var q = Lifecycle.qualification(profile("FR", 50, "200000", false, 2), FRANCE_10_TO_500);
        assertFalse(q.qualified());
        assertTrue(Lifecycle.qualification(profile("FR", 50, "200000", false, 3), FRANCE_10_TO_500).qualified(),
                "three website visits are repeated visits");
    }

    @Test
    void tooBigACompanyFailsTheMaximum() {
        var q = Lifecycle.qualification(profile("FR", 501, "200000", true, 0), FRANCE_10_TO_500);
        assertEquals(List.of(Criterion.MAX_EMPLOYEES),
                q.results().stream().filter(r -> !r.passed()).map(Lifecycle.CriterionResult::criterion).toList());
    }

    @Test
    void aTeamWithoutCriteriaOnlyAsksForInterest() {
        var q = Lifecycle.qualification(profile(null, null, null, true, 0), NONE);
        assertTrue(q.qualified());
        assertEquals(1, q.results().size());
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "LEAD", "PROSPECT", "CLIENT", "DISQUALIFIED" })
    void onlySuspectsQualifyAutomatically(Stage stage) {
        var q = Lifecycle.qualification(profile("FR", 50, "200000", true, 0), FRANCE_10_TO_500);
        assertEquals(Optional.empty(), Lifecycle.afterProfileChange(stage, q));
    }

    @Test
    void manualQualifyMovesASuspect() {
        assertEquals(new Move(Stage.SUSPECT, Stage.LEAD, StageTrigger.MANUAL), Lifecycle.qualify(Stage.SUSPECT));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "LEAD", "PROSPECT", "CLIENT", "DISQUALIFIED" })
    void manualQualifyRefusesOtherStages(Stage stage) {
        assertThrows(InvalidTransitionException.class, () -> Lifecycle.qualify(stage));
    }

    @Test
    void manualQualifyRefusesAContactOutsideTheFunnel() {
        assertThrows(InvalidTransitionException.class, () -> Lifecycle.qualify(null));
    }

    @Test
    void enteringTheFunnelStartsAsSuspect() {
        assertEquals(new Move(null, Stage.SUSPECT, StageTrigger.CREATION), Lifecycle.enterFunnel(null));
        assertThrows(InvalidTransitionException.class, () -> Lifecycle.enterFunnel(Stage.LEAD));
    }

    // rule 2
    @Test
    void leadBecomesProspectOnFirstInboundAnswerToOutreach() {
        assertEquals(Optional.of(new Move(Stage.LEAD, Stage.PROSPECT, StageTrigger.TWO_WAY_EXCHANGE)),
                Lifecycle.afterInteraction(Stage.LEAD, Direction.INBOUND, Channel.EMAIL, true));
    }

    @Test
    void noTwoWayExchangeWithoutOutreachOrAnswer() {
        assertEquals(Optional.empty(), Lifecycle.afterInteraction(Stage.LEAD, Direction.INBOUND, Channel.EMAIL, false));
        assertEquals(Optional.empty(), Lifecycle.afterInteraction(Stage.LEAD, Direction.OUTBOUND, Channel.EMAIL, true));
        assertEquals(Optional.empty(),
                Lifecycle.afterInteraction(Stage.LEAD, Direction.INBOUND, Channel.WEBSITE_VISIT, true),
                "a website visit answers nothing");
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SUSPECT", "PROSPECT", "CLIENT", "DISQUALIFIED" })
    void twoWayExchangeMovesOnlyLeads(Stage stage) {
        assertEquals(Optional.empty(), Lifecycle.afterInteraction(stage, Direction.INBOUND, Channel.EMAIL, true));
    }

    // rule 3
    @Test
    void purchaseMakesAProspectAClient() {
        assertEquals(List.of(new Move(Stage.PROSPECT, Stage.CLIENT, StageTrigger.QUOTE_CONVERSION)),
                Lifecycle.purchase(Stage.PROSPECT, StageTrigger.QUOTE_CONVERSION));
    }

    @Test
    void purchaseByALeadRecordsBothSteps() {
        assertEquals(List.of(new Move(Stage.LEAD, Stage.PROSPECT, StageTrigger.TWO_WAY_EXCHANGE),
                new Move(Stage.PROSPECT, Stage.CLIENT, StageTrigger.PURCHASE_ORDER)),
                Lifecycle.purchase(Stage.LEAD, StageTrigger.PURCHASE_ORDER));
        assertEquals(List.of(), Lifecycle.purchase(Stage.CLIENT, StageTrigger.PURCHASE_ORDER));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SUSPECT", "DISQUALIFIED" })
    void purchaseRefusesSuspectsAndDisqualified(Stage stage) {
        assertThrows(InvalidTransitionException.class, () -> Lifecycle.purchase(stage, StageTrigger.QUOTE_CONVERSION));
    }

    // rule 4
    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SUSPECT", "LEAD", "PROSPECT" })
    void anyNonClientCanBeDisqualified(Stage stage) {
        assertEquals(new Move(stage, Stage.DISQUALIFIED, StageTrigger.MANUAL), Lifecycle.disqualify(stage));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "CLIENT", "DISQUALIFIED" })
    void clientsAndDisqualifiedCannotBeDisqualified(Stage stage) {
        assertThrows(InvalidTransitionException.class, () -> Lifecycle.disqualify(stage));
    }

    @Test
    void reopenReturnsToTheStageLeft() {
        assertEquals(new Move(Stage.DISQUALIFIED, Stage.PROSPECT, StageTrigger.REOPEN),
                Lifecycle.reopen(Stage.DISQUALIFIED, Stage.PROSPECT));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SUSPECT", "LEAD", "PROSPECT", "CLIENT" })
    void onlyDisqualifiedContactsReopen(Stage stage) {
        assertThrows(InvalidTransitionException.class, () -> Lifecycle.reopen(stage, Stage.LEAD));
    }

    // rule 6
    @Test
    void webFormOrQuoteRequestIsHot() {
        assertEquals(Temperature.HOT, Lifecycle.derivedTemperature(Source.OTHER, true, false, null));
        assertEquals(Temperature.HOT, Lifecycle.derivedTemperature(Source.LIST, false, true, Direction.OUTBOUND));
    }

    @Test
    void inboundInterestBeforeOutreachIsWarm() {
        assertEquals(Temperature.WARM, Lifecycle.derivedTemperature(Source.WEBSITE, false, false, Direction.OUTBOUND));
        assertEquals(Temperature.WARM, Lifecycle.derivedTemperature(Source.DIRECTORY, false, false, Direction.INBOUND));
    }

    @Test
    void engagedOnlyAfterOurCampaignIsCold() {
        assertEquals(Temperature.COLD,
                Lifecycle.derivedTemperature(Source.OUTBOUND_CAMPAIGN, false, false, Direction.OUTBOUND));
        assertEquals(Temperature.COLD, Lifecycle.derivedTemperature(Source.LIST, false, false, null));
    }

    @Test
    void overrideWinsAndTemperatureExistsOnlyForLeadsAndProspects() {
        assertEquals(Temperature.WARM, Lifecycle.effectiveTemperature(Stage.LEAD, Temperature.WARM, Temperature.HOT));
        assertEquals(Temperature.HOT, Lifecycle.effectiveTemperature(Stage.PROSPECT, null, Temperature.HOT));
        for (Stage s : List.of(Stage.SUSPECT, Stage.CLIENT, Stage.DISQUALIFIED)) {
            assertNull(Lifecycle.effectiveTemperature(s, Temperature.WARM, Temperature.HOT));
            assertThrows(InvalidTransitionException.class, () -> Lifecycle.checkTemperatureOverride(s));
        }
        Lifecycle.checkTemperatureOverride(Stage.LEAD);
    }

    // rule 7
    @Test
    void followUpOrderIsHotWarmColdThenUnknown() {
        assertTrue(Lifecycle.followUpRank(Temperature.HOT) < Lifecycle.followUpRank(Temperature.WARM));
        assertTrue(Lifecycle.followUpRank(Temperature.WARM) < Lifecycle.followUpRank(Temperature.COLD));
        assertTrue(Lifecycle.followUpRank(Temperature.COLD) < Lifecycle.followUpRank(null));
    }

    @Test
    void nTouchesWithinTheWindowHoldBack() {
        assertFalse(Lifecycle.heldBack(2, CAPS));
        assertTrue(Lifecycle.heldBack(3, CAPS));
    }

    @Test
    void mUnansweredTouchesSuggestDisqualification() {
        assertEquals(Optional.empty(), Lifecycle.suggestedDisqualification(Stage.LEAD, 5, CAPS));
        assertEquals(Optional.of(DisqualificationReason.UNRESPONSIVE),
                Lifecycle.suggestedDisqualification(Stage.PROSPECT, 6, CAPS));
        assertEquals(Optional.empty(), Lifecycle.suggestedDisqualification(Stage.CLIENT, 9, CAPS));
    }
}
