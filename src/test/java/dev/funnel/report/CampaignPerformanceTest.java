package dev.funnel.report;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Campaigns;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Campaign performance under first and last touch, computed by hand (docs/funnel.md, "Campaign
 * performance"). Three campaigns: K1 (e-mailing) costs 300 + 200 EUR in the period; K2 (event)
 * 1000 EUR in it and 999 before it; K3 (social) nothing. P1 came by K1 and became a client (an
 * invoice of 1300.00 EUR net); P2 came by K1, then K2 reached it, and it is a prospect; P3 came by
 * K2 and is a lead; K3 reached P4, a suspect.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CampaignPerformanceTest {

    private static final String QUERY = """
            query($t: String!, $from: Date!, $to: Date!, $a: Attribution!) {
              campaignPerformance(team: $t, from: $from, to: $to, attribution: $a) { attribution
                campaigns { campaign { name } reached leads prospects clients revenue { amount currency } cost { amount currency }
                            costPerLead { amount } costPerProspect { amount } costPerClient { amount } roi note }
                channels { channel campaigns reached leads prospects clients revenue { amount } cost { amount currency }
                           costPerLead { amount } costPerClient { amount } roi note } } }""";

    private String team;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void campaigns() {
        team = aTeam();
        String k1 = Campaigns.campaign(team, "K1 mailing", "EMAILING", "EUR");
        String k2 = Campaigns.campaign(team, "K2 fair", "EVENT", "EUR");
        String k3 = Campaigns.campaign(team, "K3 posts", "SOCIAL", "EUR");
        Campaigns.cost(team, k1, today.toString(), "300.00");
        Campaigns.cost(team, k1, today.toString(), "200.00");
        Campaigns.cost(team, k2, today.toString(), "1000.00");
        Campaigns.cost(team, k2, today.minusDays(40).toString(), "999.00");

        String p1 = aContact().inTeam(team).named("P1").with("campaignId", k1).atStage("PROSPECT");
        Quotes.convert(Tokens.billing(team), Quotes.aSentQuote(team, p1), "perf-" + team);
        String p2 = aContact().inTeam(team).named("P2").with("campaignId", k1).atStage("PROSPECT");
        attribute(k2, p2);
        aContact().inTeam(team).named("P3").with("campaignId", k2).atStage("LEAD");
        attribute(k3, aContact().inTeam(team).named("P4").create());
    }

    @Test
    void firstTouch() {
        JsonPath r = ask("FIRST_TOUCH");
        assertEquals(List.of("K1 mailing", "K2 fair", "K3 posts"), r.getList("data.campaignPerformance.campaigns.campaign.name"));
        // K1: P1 and P2, both leads and prospects, P1 a client; 500 spent; ROI (1300 - 500) / 500
        campaign(r, 0, new int[] { 2, 2, 2, 1 }, List.of("1300.00"), "500.00", "250.00", "250.00", "500.00", "1.6000");
        // K2: P3 only (P2's first campaign is K1), a lead; the 999 spent before the period is not counted
        campaign(r, 1, new int[] { 1, 1, 0, 0 }, List.of(), "1000.00", "1000.00", null, null, "-1.0000");
        // K3: P4, a suspect; no cost: it says so rather than dividing by zero
        campaign(r, 2, new int[] { 1, 0, 0, 0 }, List.of(), "0.00", null, null, null, null);
        assertTrue(r.getString("data.campaignPerformance.campaigns[2].note").contains("no cost"));
        assertEquals(List.of("EMAILING", "SOCIAL", "EVENT"), r.getList("data.campaignPerformance.channels.channel"));
        assertEquals(List.of(2, 1, 1), r.getList("data.campaignPerformance.channels.reached"));
        assertEquals("1.6000", r.getString("data.campaignPerformance.channels[0].roi"));
    }

    @Test
    void lastTouch() {
        JsonPath r = ask("LAST_TOUCH");
        // K1: P1 only now (K2 reached P2 after K1)
        campaign(r, 0, new int[] { 1, 1, 1, 1 }, List.of("1300.00"), "500.00", "500.00", "500.00", "500.00", "1.6000");
        // K2: P2 (a prospect) and P3 (a lead)
        campaign(r, 1, new int[] { 2, 2, 1, 0 }, List.of(), "1000.00", "500.00", "1000.00", null, "-1.0000");
        campaign(r, 2, new int[] { 1, 0, 0, 0 }, List.of(), "0.00", null, null, null, null);
    }

    @Test
    void aCampaignThatCostNothingDoesNotBlankItsChannel() {
        // K4, e-mailing too, in dollars, ran in the period without a cost: the channel's cost is K1's alone
        Campaigns.campaign(team, "K4 dollars", "EMAILING", "USD");
        JsonPath r = ask("FIRST_TOUCH");
        assertEquals("EMAILING", r.getString("data.campaignPerformance.channels[0].channel"));
        assertEquals(2, r.getInt("data.campaignPerformance.channels[0].campaigns"));
        assertEquals(List.of("500.00"), r.getList("data.campaignPerformance.channels[0].cost.amount"));
        assertEquals("1.6000", r.getString("data.campaignPerformance.channels[0].roi"));
        assertEquals("250.00", r.getString("data.campaignPerformance.channels[0].costPerLead.amount"));
    }

    @Test
    void aPeriodWithoutAnyOfItSeesNothingButTheCampaignsThatRan() {
        JsonPath r = Api.ok(Tokens.manager(team), QUERY, "t", team, "from", "2025-01-01", "to", "2025-01-31", "a", "FIRST_TOUCH");
        // the campaigns start on 2026-01-01: none ran, none reached anyone, none cost anything then
        assertEquals(List.of(), r.getList("data.campaignPerformance.campaigns"));
    }

    private JsonPath ask(String attribution) {
        return Api.ok(Tokens.manager(team), QUERY, "t", team, "from", today.minusDays(1).toString(), "to", today.plusDays(1).toString(),
                "a", attribution);
    }

    private void attribute(String campaignId, String contactId) {
        Api.ok(Tokens.sales(team), "mutation($i: AttributeToCampaignInput!) { attributeToCampaign(input: $i) { id } }",
                "i", Map.of("campaignId", campaignId, "contactId", contactId));
    }

    private static void campaign(JsonPath r, int i, int[] counts, List<String> revenue, String cost, String perLead, String perProspect,
            String perClient, String roi) {
        String p = "data.campaignPerformance.campaigns[" + i + "]";
        assertEquals(Arrays.stream(counts).boxed().toList(), List.of(r.getInt(p + ".reached"), r.getInt(p + ".leads"),
                r.getInt(p + ".prospects"), r.getInt(p + ".clients")), p);
        assertEquals(revenue, r.getList(p + ".revenue.amount"), p);
        assertEquals(cost, r.getString(p + ".cost.amount"), p);
        assertEquals("EUR", r.getString(p + ".cost.currency"), p);
        check(perLead, r.getString(p + ".costPerLead.amount"), p);
        check(perProspect, r.getString(p + ".costPerProspect.amount"), p);
        check(perClient, r.getString(p + ".costPerClient.amount"), p);
        check(roi, r.getString(p + ".roi"), p);
    }

    private static void check(String expected, String actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
