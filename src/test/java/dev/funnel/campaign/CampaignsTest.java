package dev.funnel.campaign;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Campaigns;
import dev.funnel.support.Errors;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Campaigns, their costs in exact money, and first and last touch (docs/funnel.md, "Campaigns"). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CampaignsTest {

    @Test
    void aCampaignAddsUpItsCostsExactly() {
        String team = aTeam();
        JsonPath created = Api.ok(Tokens.manager(team), Campaigns.CREATE, "i", Map.of("team", team, "name", "Spring mailing",
                "channel", "MAILING", "startsOn", "2026-03-01", "endsOn", "2026-03-31", "currency", "EUR", "budget", "1500.5",
                "description", "Printed catalogue"));
        String id = created.getString("data.createCampaign.id");
        assertEquals("1500.50", created.getString("data.createCampaign.budget.amount"));
        assertEquals("0.00", created.getString("data.createCampaign.totalCost.amount"));
        Campaigns.cost(team, id, "2026-03-02", "0.10");
        JsonPath after = Api.ok(Tokens.manager(team), Campaigns.COST, "i", Map.of("campaignId", id, "incurredOn", "2026-03-01", "amount", "0.20"));
        // 0.1 + 0.2, exactly
        assertEquals("0.30", after.getString("data.addCampaignCost.totalCost.amount"));
        assertEquals(List.of("0.20", "0.10"), after.getList("data.addCampaignCost.costs.amount.amount"));
        assertEquals(List.of("Spring mailing"), Api.ok(Tokens.sales(team), "query($t: String) { campaigns(filter: {team: $t,"
                + " channels: [MAILING], search: \"spring\"}) { edges { node { name } } } }", "t", team).getList("data.campaigns.edges.node.name"));
        // a yen campaign takes no decimals
        String yen = Campaigns.campaign(team, "Tokyo fair", "EVENT", "JPY");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.COST, "i", Map.of("campaignId", yen, "incurredOn", "2026-03-01", "amount", "10.5")),
                "VALIDATION", "input.amount");
    }

    @Test
    void badCampaignsAreRefusedWithTheirField() {
        String team = aTeam();
        Map<String, Object> good = Map.of("team", team, "name", "A", "channel", "SOCIAL", "startsOn", "2026-03-01", "currency", "EUR");
        Campaigns.campaign(team, "Taken", "SOCIAL", "EUR");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.CREATE, "i", with(good, "name", "taken")), "VALIDATION", "input.name");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.CREATE, "i", with(good, "currency", "XXY")), "VALIDATION", "input.currency");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.CREATE, "i", with(good, "endsOn", "2026-02-01")), "VALIDATION", "input.endsOn");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.CREATE, "i", with(good, "budget", "-1")), "VALIDATION", "input.budget");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.CREATE, "i", with(good, "budget", "1.001")), "VALIDATION", "input.budget");
        String id = Campaigns.campaign(team, "Real", "SOCIAL", "EUR");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.COST, "i", Map.of("campaignId", id, "incurredOn", "2026-03-01", "amount", "0")),
                "VALIDATION", "input.amount");
        // another team's campaign reads as none
        String theirs = Campaigns.campaign(aTeam(), "Theirs", "SOCIAL", "EUR");
        Errors.assertError(Api.call(Tokens.manager(team), Campaigns.COST, "i", Map.of("campaignId", theirs, "incurredOn", "2026-03-01", "amount", "1")),
                "NOT_FOUND", null);
    }

    @Test
    void aContactKeepsItsFirstAndLastCampaign() {
        String team = aTeam();
        String first = Campaigns.campaign(team, "Webinar", "WEB_ADS", "EUR");
        String second = Campaigns.campaign(team, "Trade show", "EVENT", "EUR");
        String id = aContact().inTeam(team).with("campaignId", first).create();
        String fields = "firstCampaign { name } lastCampaign { name }";
        JsonPath c = Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { " + fields + " } }", "id", id);
        assertEquals("Webinar", c.getString("data.contact.firstCampaign.name"));
        assertEquals("Webinar", c.getString("data.contact.lastCampaign.name"));
        // an interaction the trade show brought, now: the last campaign
        String interaction = Api.ok(Tokens.sales(team), "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }",
                "i", Map.of("contactId", id, "channel", "MEETING", "direction", "INBOUND", "campaignId", second))
                .getString("data.recordInteraction.id");
        c = Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { " + fields + " } }", "id", id);
        assertEquals(List.of("Webinar", "Trade show"), List.of(c.getString("data.contact.firstCampaign.name"),
                c.getString("data.contact.lastCampaign.name")));
        // attributed later, to the webinar again, now: the last campaign is the webinar's
        JsonPath later = Api.ok(Tokens.sales(team), "mutation($i: AttributeToCampaignInput!) { attributeToCampaign(input: $i) { " + fields + " } }",
                "i", Map.of("campaignId", first, "contactId", id));
        assertEquals("Webinar", later.getString("data.attributeToCampaign.lastCampaign.name"));
        // through the interaction, at its time (before the webinar's second touch): the last stays the webinar
        later = Api.ok(Tokens.sales(team), "mutation($i: AttributeToCampaignInput!) { attributeToCampaign(input: $i) { " + fields + " } }",
                "i", Map.of("campaignId", second, "interactionId", interaction));
        assertEquals("Webinar", later.getString("data.attributeToCampaign.lastCampaign.name"));
        assertEquals("Webinar", later.getString("data.attributeToCampaign.firstCampaign.name"));

        // another team's campaign on create, on record, later: not found, and nothing written
        String theirs = Campaigns.campaign(aTeam(), "Theirs", "SOCIAL", "EUR");
        Errors.assertError(Api.call(Tokens.sales(team), "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }",
                "i", Map.of("team", team, "displayName", "Nope", "campaignId", theirs)), "NOT_FOUND", null);
        assertEquals(0, Api.ok(Tokens.sales(team), "{ contacts(filter: {search: \"Nope\"}) { totalCount } }").getInt("data.contacts.totalCount"));
        Errors.assertError(Api.call(Tokens.sales(team), "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }",
                "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "INBOUND", "campaignId", theirs)), "NOT_FOUND", null);
        Errors.assertError(Api.call(Tokens.sales(team), "mutation($i: AttributeToCampaignInput!) { attributeToCampaign(input: $i) { id } }",
                "i", Map.of("campaignId", first)), "VALIDATION", "input");
        assertEquals(1, Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { interactions { totalCount } } }", "id", id)
                .getInt("data.contact.interactions.totalCount"));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
