package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Db;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * What view records look like on the wire, now that their plain fields are read directly
 * (LeanFetchers) rather than through SmallRye: dates and times as SmallRye writes them, enums,
 * lists, nulls, decimals.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ViewFormatTest {

    @Test
    void datesTimesEnumsListsNullsAndAmountsAreWrittenAsBefore() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        long id = Ids.decode("Contact", contact);
        Db.execute("update contact set last_interaction_at = '2020-01-01 09:00:00+00', created_at = '2021-02-03 04:05:06.789+00',"
                + " roles = '{PARTNER,SUPPLIER}' where id = " + id);
        Db.execute("update quote set valid_until = '2999-12-31' where id = " + Ids.decode("Quote", quote));
        String body = Api.raw(Tokens.sales(team), """
                query($id: ID!) { contact(id: $id) { id stage temperature roles email lastInteractionAt createdAt decisionMaker
                  quotes { edges { node { validUntil status gross { amount currency } } } } } }""", "id", contact);
        JsonPath c = new JsonPath(body).setRoot("data.contact");
        assertEquals(contact, c.getString("id"));
        assertEquals("2020-01-01T09:00:00Z", c.getString("lastInteractionAt"));
        assertEquals("2021-02-03T04:05:06.789Z", c.getString("createdAt"));
        assertEquals("PROSPECT", c.getString("stage"));
        assertEquals(List.of("PARTNER", "SUPPLIER"), c.getList("roles"));
        assertNull(c.getString("email"));
        assertEquals(false, c.getBoolean("decisionMaker"));
        assertEquals("2999-12-31", c.getString("quotes.edges[0].node.validUntil"));
        assertEquals("SENT", c.getString("quotes.edges[0].node.status"));
        assertEquals("EUR", c.getString("quotes.edges[0].node.gross.currency"));
        assertEquals(true, body.replaceAll("\\s", "").contains("\"amount\":\"1560.00\""), body);
    }

    @Test
    void aBatchedListAskedForTwiceWithDifferentArgumentsIsRefusedNotMixedUp() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        Quotes.aSentQuote(team, contact);
        Quotes.create(team, contact, List.of(Quotes.line("draft", "1", "10", "20")));
        JsonPath twice = Api.call(Tokens.sales(team), """
                query($id: ID!) { contact(id: $id) { open: quotes(statuses: [SENT]) { totalCount } all: quotes { totalCount } } }""",
                "id", contact);
        assertError(twice, "VALIDATION", "quotes");
        assertNull(twice.get("data.contact"));
        JsonPath same = Api.ok(Tokens.sales(team), """
                query($id: ID!) { contact(id: $id) { a: quotes(statuses: [SENT]) { totalCount } b: quotes(statuses: [SENT]) { totalCount } } }""",
                "id", contact);
        assertEquals(1, same.getInt("data.contact.a.totalCount"));
        assertEquals(1, same.getInt("data.contact.b.totalCount"));
    }
}
