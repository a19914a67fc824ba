package dev.funnel;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Quotes.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Contacts;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Edge cases a review found: each once answered INTERNAL, wrote half, or bent a rule. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ReviewFindingsTest {

    @Test
    void nullsInListsAreValidationErrorsAndWriteNothing() {
        String team = aTeam();
        Map<String, Object> contact = new HashMap<>(Map.of("team", team, "displayName", "x"));
        contact.put("roles", Arrays.asList("PARTNER", null));
        assertError(Api.call(Tokens.sales(team), "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }", "i", contact),
                "VALIDATION", "input.roles[1]");
        Map<String, Object> settings = new HashMap<>(Map.of("team", team));
        settings.put("targetCountries", Arrays.asList((Object) null));
        assertError(Api.call(Tokens.manager(team), "mutation($i: TeamSettingsInput!) { updateTeamSettings(input: $i) { code } }",
                "i", settings), "VALIDATION", "input.targetCountries[0]");
        assertError(Api.call(Tokens.sales(team), "{ quotes(filter: {statuses: [SENT, null]}) { totalCount } }"), "VALIDATION",
                "filter.statuses[1]");
        JsonPath after = Api.ok(Tokens.sales(team), "query($t: String!) { contacts { totalCount } team(code: $t) { targetCountries } }",
                "t", team);
        assertEquals(0, after.getInt("data.contacts.totalCount"));
        assertEquals(List.of(), after.getList("data.team.targetCountries"));
    }

    @Test
    void quotesFilterOnStatusesThatIgnoreTheDate() {
        String team = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        Quotes.convert(Tokens.billing(team), quote, "k-" + team);
        assertEquals(List.of(quote), Api.ok(Tokens.billing(team), "{ quotes(filter: {statuses: [CONVERTED, DECLINED]}) { edges { node { id } } } }")
                .getList("data.quotes.edges.node.id"));
    }

    @Test
    void amountsTooLargeToStoreAreValidationErrors() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("LEAD");
        assertError(Quotes.create(team, contact, List.of(line("huge", "1000000", "100000000000", "20"))), "VALIDATION",
                "input.lines[0]");
    }

    @Test
    void billingSeesAContactsStageButNotItsSalesNotes() {
        String team = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        String query = "query($q: ID!) { quote(id: $q) { contact { stage stageHistory { to } interactions { totalCount } } } }";
        assertError(Api.call(Tokens.billing(team), query, "q", quote), "FORBIDDEN", null);
        assertEquals("PROSPECT", Api.ok(Tokens.billing(team), "query($q: ID!) { quote(id: $q) { contact { stage stageHistory { to } } } }",
                "q", quote).getString("data.quote.contact.stage"));
    }

    @Test
    void twoMutationsInOneRequestBothPersist() {
        String team = aTeam();
        JsonPath r = Api.ok(Tokens.manager(team), """
                mutation($t: String!) {
                  a: createContact(input: {team: $t, displayName: "first"}) { id }
                  b: updateTeamSettings(input: {team: $t, minEmployees: 10}) { minEmployees version }
                }""", "t", team);
        assertEquals(10, r.getInt("data.b.minEmployees"));
        assertEquals(10, Api.ok(Tokens.manager(team), "query($t: String!) { team(code: $t) { minEmployees } }", "t", team)
                .getInt("data.team.minEmployees"));
    }

    @Test
    void aDisqualifiedContactsQuoteDoesNotConvert() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        Contacts.disqualify(Tokens.sales(team), contact, "NO_BUDGET");
        assertError(Quotes.convert(Tokens.billing(team), quote, "k-" + team), "QUOTE_NOT_CONVERTIBLE", null);
        assertEquals(0, Api.ok(Tokens.billing(team), "{ invoices { totalCount } }").getInt("data.invoices.totalCount"));
    }

    @Test
    void touchesCountInTheOrderTheyHappenedNotTheOrderRecorded() {
        String team = aTeam();
        String id = aContact().inTeam(team).source("LIST").atStage("LEAD");
        String record = "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }";
        Api.ok(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "PHONE", "direction", "OUTBOUND"));
        Api.ok(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "INBOUND",
                "occurredAt", "2020-01-01T09:00:00Z"));
        JsonPath c = Contacts.get(Tokens.sales(team), id);
        assertEquals("WARM", c.getString("data.contact.temperature"), "they wrote first, long before our call");
        assertEquals(1, c.getInt("data.contact.followUp.unansweredTouches"), "an old email answers no later call");
        assertEquals("LEAD", c.getString("data.contact.stage"), "the email came before the call: no answer yet");
    }
}
