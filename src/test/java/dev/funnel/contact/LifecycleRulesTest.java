package dev.funnel.contact;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Contacts;
import dev.funnel.support.Fixtures;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** The lifecycle rules of README.md, each through GraphQL over HTTP on the real database. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class LifecycleRulesTest {

    private static String frenchTeam() {
        String team = aTeam();
        Fixtures.settings(team, Map.of("targetCountries", List.of("FR"), "minEmployees", 10));
        return team;
    }

    // ---------------------------------------------------------------- rule 1

    @Test
    void suspectBecomesLeadWhenCriteriaMetAndInterestShown() {
        String team = frenchTeam();
        String id = aContact().inTeam(team).with("country", "FR").with("employeeCount", 50).source("DIRECTORY").create();
        JsonPath before = Contacts.get(Tokens.sales(team), id);
        assertEquals("SUSPECT", before.getString("data.contact.stage"));
        assertEquals(List.of("INTEREST"), failed(before));

        assertEquals("LEAD", interact(team, id, "WEB_FORM", "INBOUND"));
        JsonPath after = Contacts.get(Tokens.sales(team), id);
        assertTrue(after.getBoolean("data.contact.qualification.qualified"));
        assertEquals("CRITERIA", after.getString("data.contact.stageHistory[-1].trigger"));
        assertEquals("SUSPECT", after.getString("data.contact.stageHistory[-1].from"));
    }

    @Test
    void suspectFailingCriteriaStaysSuspectAndSaysWhy() {
        String team = frenchTeam();
        String id = aContact().inTeam(team).with("country", "BE").with("employeeCount", 50).source("WEB_FORM").create();
        JsonPath c = Contacts.get(Tokens.sales(team), id);
        assertEquals("SUSPECT", c.getString("data.contact.stage"));
        assertEquals(List.of("COUNTRY"), failed(c));
        assertTrue(c.getString("data.contact.qualification.checks.find { it.criterion == 'COUNTRY' }.reason").contains("BE"));
    }

    @Test
    void repeatedWebsiteVisitsCountAsInterest() {
        String team = aTeam();
        String id = aContact().inTeam(team).create();
        assertEquals("SUSPECT", interact(team, id, "WEBSITE_VISIT", "INBOUND"));
        assertEquals("SUSPECT", interact(team, id, "WEBSITE_VISIT", "INBOUND"));
        assertEquals("LEAD", interact(team, id, "WEBSITE_VISIT", "INBOUND"));
    }

    @Test
    void contactCreatedWithAQuoteRequestThatMeetsCriteriaStartsAsLead() {
        String team = frenchTeam();
        String id = aContact().inTeam(team).with("country", "FR").with("employeeCount", 11).source("QUOTE_REQUEST").create();
        JsonPath c = Contacts.get(Tokens.sales(team), id);
        assertEquals("LEAD", c.getString("data.contact.stage"));
        assertEquals(List.of("CREATION", "CRITERIA"), c.getList("data.contact.stageHistory.trigger"));
    }

    @Test
    void salesUserQualifiesASuspectByHand() {
        String team = frenchTeam();
        String id = aContact().inTeam(team).with("country", "BE").create();
        JsonPath r = Contacts.move(Tokens.sales(team), "qualifyContact", id);
        assertEquals("LEAD", r.getString("data.qualifyContact.stage"));
        assertEquals("MANUAL", r.getString("data.qualifyContact.stageHistory[-1].trigger"));
    }

    // ---------------------------------------------------------------- rule 2

    @Test
    void leadBecomesProspectOnFirstReply() {
        String team = aTeam();
        String id = aContact().inTeam(team).atStage("LEAD");
        assertEquals("LEAD", interact(team, id, "EMAIL", "INBOUND"), "inbound without outreach is not an answer");
        assertEquals("LEAD", interact(team, id, "PHONE", "OUTBOUND"));
        assertEquals("LEAD", interact(team, id, "WEBSITE_VISIT", "INBOUND"), "a visit answers nothing");
        assertEquals("PROSPECT", interact(team, id, "EMAIL", "INBOUND"));
        JsonPath c = Contacts.get(Tokens.sales(team), id);
        assertEquals("TWO_WAY_EXCHANGE", c.getString("data.contact.stageHistory[-1].trigger"));
        assertEquals(List.of("CREATION", "MANUAL", "TWO_WAY_EXCHANGE"), c.getList("data.contact.stageHistory.trigger"));
    }

    @Test
    void suspectAnsweringOutreachStaysSuspect() {
        String team = aTeam();
        String id = aContact().inTeam(team).create();
        interact(team, id, "EMAIL", "OUTBOUND");
        assertEquals("SUSPECT", interact(team, id, "EMAIL", "INBOUND"), "stages never skip: a suspect must qualify first");
    }

    // ---------------------------------------------------------------- rule 4

    @Test
    void disqualifiedProspectReopensToTheStageItLeft() {
        String team = aTeam();
        String id = aContact().inTeam(team).atStage("PROSPECT");
        JsonPath d = Contacts.disqualify(Tokens.sales(team), id, "NO_BUDGET");
        assertEquals("DISQUALIFIED", d.getString("data.disqualifyContact.stage"));
        assertEquals("NO_BUDGET", d.getString("data.disqualifyContact.disqualificationReason"));
        assertNull(d.getString("data.disqualifyContact.temperature"));

        JsonPath r = Contacts.move(Tokens.sales(team), "reopenContact", id);
        assertEquals("PROSPECT", r.getString("data.reopenContact.stage"));
        assertNull(r.getString("data.reopenContact.disqualificationReason"));
        assertEquals("REOPEN", r.getString("data.reopenContact.stageHistory[-1].trigger"));
        assertNotNull(r.getString("data.reopenContact.temperature"), "a prospect has a temperature again");
    }

    @Test
    void disqualifiedContactIsNotMovedByInteractions() {
        String team = aTeam();
        String id = aContact().inTeam(team).atStage("LEAD");
        Contacts.disqualify(Tokens.sales(team), id, "UNRESPONSIVE");
        interact(team, id, "EMAIL", "OUTBOUND");
        assertEquals("DISQUALIFIED", interact(team, id, "EMAIL", "INBOUND"));
    }

    // ---------------------------------------------------------------- rule 5

    @Test
    void everyStageChangeIsRecordedWithActorAndTime() {
        String team = aTeam();
        String id = aContact().inTeam(team).atStage("PROSPECT");
        JsonPath c = Contacts.get(Tokens.sales(team), id);
        List<Map<String, Object>> history = c.getList("data.contact.stageHistory");
        assertEquals(3, history.size());
        assertNull(history.get(0).get("from"));
        assertEquals("SUSPECT", history.get(0).get("to"));
        assertEquals("SUSPECT", history.get(1).get("from"));
        assertEquals("LEAD", history.get(1).get("to"));
        assertEquals("LEAD", history.get(2).get("from"));
        assertEquals("PROSPECT", history.get(2).get("to"));
        history.forEach(h -> {
            assertEquals("sales-" + team, h.get("actor"));
            assertTrue(((String) h.get("at")).endsWith("Z"), "UTC: " + h.get("at"));
        });
    }

    @Test
    void stagesNeverGoBackwardsExceptByReopen() {
        String team = aTeam();
        String id = aContact().inTeam(team).atStage("PROSPECT");
        JsonPath refused = Contacts.move(Tokens.sales(team), "qualifyContact", id);
        assertEquals("INVALID_TRANSITION", refused.getString("errors[0].extensions.code"));
        refused = Contacts.move(Tokens.sales(team), "reopenContact", id);
        assertEquals("INVALID_TRANSITION", refused.getString("errors[0].extensions.code"));
        JsonPath c = Contacts.get(Tokens.sales(team), id);
        assertEquals("PROSPECT", c.getString("data.contact.stage"));
        assertEquals(3, c.getList("data.contact.stageHistory").size(), "nothing recorded for a refused move");
    }

    @Test
    void contactOutsideTheFunnelHasNoStageUntilAdded() {
        String team = aTeam();
        String id = aContact().inTeam(team).with("inFunnel", false).with("roles", List.of("PARTNER")).create();
        assertNull(Contacts.stage(Tokens.sales(team), id));
        assertEquals("INVALID_TRANSITION",
                Contacts.move(Tokens.sales(team), "qualifyContact", id).getString("errors[0].extensions.code"));
        JsonPath added = Contacts.move(Tokens.sales(team), "addToFunnel", id);
        assertEquals("SUSPECT", added.getString("data.addToFunnel.stage"));
    }

    // ---------------------------------------------------------------- rule 6

    @Test
    void temperatureIsDerivedFromHowTheContactCameIn() {
        String team = aTeam();
        String hot = aContact().inTeam(team).source("WEB_FORM").create();
        String warm = aContact().inTeam(team).source("WEBSITE").atStage("LEAD");
        String cold = aContact().inTeam(team).source("OUTBOUND_CAMPAIGN").atStage("LEAD");
        assertEquals("HOT", Contacts.get(Tokens.sales(team), hot).getString("data.contact.temperature"));
        assertEquals("WARM", Contacts.get(Tokens.sales(team), warm).getString("data.contact.temperature"));
        assertEquals("COLD", Contacts.get(Tokens.sales(team), cold).getString("data.contact.temperature"));
    }

    @Test
    void inboundFirstTouchMakesAListContactWarm() {
        String team = aTeam();
        String id = aContact().inTeam(team).source("LIST").atStage("LEAD");
        interact(team, id, "PHONE", "INBOUND");
        assertEquals("WARM", Contacts.get(Tokens.sales(team), id).getString("data.contact.temperature"));
    }

    @Test
    void temperatureCanBeOverriddenByHandForLeadsOnly() {
        String team = aTeam();
        String lead = aContact().inTeam(team).source("OUTBOUND_CAMPAIGN").atStage("LEAD");
        JsonPath r = Contacts.setTemperature(Tokens.sales(team), lead, "HOT");
        assertEquals("HOT", r.getString("data.setTemperature.temperature"));
        assertTrue(r.getBoolean("data.setTemperature.temperatureOverridden"));
        String suspect = aContact().inTeam(team).create();
        assertEquals("INVALID_TRANSITION",
                Contacts.setTemperature(Tokens.sales(team), suspect, "HOT").getString("errors[0].extensions.code"));
        assertNull(Contacts.get(Tokens.sales(team), suspect).getString("data.contact.temperature"));
    }

    // ---------------------------------------------------------------- rule 7

    @Test
    void followUpsPutHotFirstThenWarmBeforeColdThenLongestWaiting() {
        String team = aTeam();
        String cold = aContact().inTeam(team).source("OUTBOUND_CAMPAIGN").named("cold").atStage("LEAD");
        String warmOld = aContact().inTeam(team).source("REFERRAL").named("warm-old").atStage("LEAD");
        String warmNew = aContact().inTeam(team).source("REFERRAL").named("warm-new").atStage("LEAD");
        String hot = aContact().inTeam(team).source("WEB_FORM").named("hot").atStage("LEAD");
        aContact().inTeam(team).named("suspect").create();
        interact(team, warmNew, "MEETING", "INBOUND");

        List<String> names = Api.ok(Tokens.sales(team), "query($t: String) { followUps(team: $t) { totalCount edges { node { displayName } } } }",
                "t", team).getList("data.followUps.edges.node.displayName");
        assertEquals(List.of("hot", "warm-old", "warm-new", "cold"), names);
        assertNotNull(hot + cold + warmOld);
    }

    @Test
    void contactTouchedTooOftenWithoutAnswerIsHeldBack() {
        String team = aTeam();
        Fixtures.settings(team, Map.of("followUpMaxTouches", 2, "followUpWindowDays", 7, "unresponsiveAfterTouches", 3));
        String quiet = aContact().inTeam(team).named("quiet").atStage("LEAD");
        String other = aContact().inTeam(team).named("other").atStage("LEAD");
        interact(team, quiet, "EMAIL", "OUTBOUND");
        assertEquals(java.util.Set.of("quiet", "other"), java.util.Set.copyOf(followUpNames(team)));
        interact(team, quiet, "PHONE", "OUTBOUND");
        assertEquals(List.of("other"), followUpNames(team));
        JsonPath c = Contacts.get(Tokens.sales(team), quiet);
        assertTrue(c.getBoolean("data.contact.followUp.heldBack"));
        assertEquals(2, c.getInt("data.contact.followUp.touchesInWindow"));
        assertNull(c.getString("data.contact.followUp.suggestedDisqualification"));

        interact(team, quiet, "EMAIL", "OUTBOUND");
        assertEquals("UNRESPONSIVE", Contacts.get(Tokens.sales(team), quiet)
                .getString("data.contact.followUp.suggestedDisqualification"));

        interact(team, quiet, "EMAIL", "INBOUND");
        JsonPath answered = Contacts.get(Tokens.sales(team), quiet);
        assertFalse(answered.getBoolean("data.contact.followUp.heldBack"));
        assertEquals(0, answered.getInt("data.contact.followUp.unansweredTouches"));
        assertTrue(followUpNames(team).contains("quiet"));
        assertNotNull(other);
    }

    @Test
    void touchesOutsideTheWindowDoNotHoldBack() {
        String team = aTeam();
        Fixtures.settings(team, Map.of("followUpMaxTouches", 2, "followUpWindowDays", 7));
        String id = aContact().inTeam(team).named("patient").atStage("LEAD");
        for (String when : List.of("2020-01-01T10:00:00Z", "2020-01-02T10:00:00Z")) {
            Api.ok(Tokens.sales(team), "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }",
                    "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "OUTBOUND", "occurredAt", when));
        }
        assertEquals(List.of("patient"), followUpNames(team));
        assertEquals(0, Contacts.get(Tokens.sales(team), id).getInt("data.contact.followUp.touchesInWindow"));
    }

    // ---------------------------------------------------------------- rule 8

    @Test
    void contactRecordsDecisionMakerAndQualificationAnswers() {
        String team = aTeam();
        String id = aContact().inTeam(team).with("decisionMaker", true).with("knownNeed", true).create();
        long version = Contacts.get(Tokens.sales(team), id).getLong("data.contact.version");
        JsonPath r = Contacts.update(Tokens.sales(team), Map.of("id", id, "expectedVersion", version, "hasBudget", false,
                "offerKnowledge", "read our brochure", "websiteVisits", 2, "welcomesProposal", true));
        assertTrue(r.getBoolean("data.updateContact.decisionMaker"));
        assertTrue(r.getBoolean("data.updateContact.knownNeed"));
        assertFalse(r.getBoolean("data.updateContact.hasBudget"));
        assertEquals("read our brochure", r.getString("data.updateContact.offerKnowledge"));
        assertEquals(2, r.getInt("data.updateContact.websiteVisits"));
        assertTrue(r.getBoolean("data.updateContact.welcomesProposal"));
        assertEquals(version + 1, r.getLong("data.updateContact.version"));
    }

    private static List<String> followUpNames(String team) {
        return Api.ok(Tokens.sales(team), "query($t: String) { followUps(team: $t) { edges { node { displayName } } } }",
                "t", team).getList("data.followUps.edges.node.displayName");
    }

    private static List<String> failed(JsonPath contact) {
        return contact.getList("data.contact.qualification.checks.findAll { !it.passed }.criterion");
    }
}
