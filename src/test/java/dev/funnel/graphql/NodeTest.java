package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Relay's Global Object Identification: node(id:) and nodes(ids:) fetch every record type again
 * by its opaque id, under the same team and role rules as each type's own query.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class NodeTest {

    private static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id
              ... on Contact { displayName }
              ... on Interaction { channel }
              ... on Quote { number }
              ... on Invoice { number } } }""";

    private static final String NODES = """
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
              ... on Contact { displayName }
              ... on Interaction { channel }
              ... on Quote { number }
              ... on Invoice { number } } }""";

    /** A team with one record of each type: contact, interaction, quote, invoice (in that order). */
    private static List<String> oneOfEach(String team) {
        String contact = aContact().inTeam(team).named("Node " + team).source("REFERRAL").atStage("PROSPECT");
        String interaction = Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { interactions(first: 1) { edges { node { id } } } } }",
                "id", contact).getString("data.contact.interactions.edges[0].node.id");
        String quote = Quotes.aSentQuote(team, contact);
        String invoice = Quotes.convert(Tokens.billing(team), Quotes.aSentQuote(team, contact), "node-" + team)
                .getString("data.convertQuote.invoice.id");
        return List.of(contact, interaction, quote, invoice);
    }

    @Test
    void nodeFetchesEveryRecordTypeAgainByItsId() {
        String team = aTeam();
        List<String> ids = oneOfEach(team);
        List<String> types = List.of("Contact", "Interaction", "Quote", "Invoice");
        for (int i = 0; i < ids.size(); i++) {
            JsonPath r = Api.ok(Tokens.sales(team), NODE, "id", ids.get(i));
            assertEquals(types.get(i), r.getString("data.node.__typename"));
            assertEquals(ids.get(i), r.getString("data.node.id"));
        }
        assertEquals("Node " + team, Api.ok(Tokens.sales(team), NODE, "id", ids.get(0)).getString("data.node.displayName"));
        assertEquals("EMAIL", Api.ok(Tokens.sales(team), NODE, "id", ids.get(1)).getString("data.node.channel"));
    }

    @Test
    void nodesAnswersInTheOrderAskedWithNullForWhatIsNotThere() {
        String team = aTeam();
        List<String> ids = oneOfEach(team);
        String unknown = Ids.encode("Quote", 987_654_321L);
        List<String> asked = List.of(ids.get(3), "not an id", ids.get(0), unknown, ids.get(2), ids.get(1), ids.get(0));
        JsonPath r = Api.ok(Tokens.sales(team), NODES, "ids", asked);
        assertEquals(Arrays.asList(ids.get(3), null, ids.get(0), null, ids.get(2), ids.get(1), ids.get(0)), idsOf(r));
        assertEquals(List.of(), Api.ok(Tokens.sales(team), NODES, "ids", List.of()).getList("data.nodes"));
    }

    @Test
    void anotherTeamsIdReadsExactlyLikeAnUnknownOne() {
        String red = aTeam();
        List<String> blue = oneOfEach(aTeam());
        for (String id : blue) {
            JsonPath r = Api.call(Tokens.sales(red), NODE, "id", id);
            assertNull(r.get("errors"), r.prettify());
            assertNull(r.get("data.node"), id);
        }
        assertEquals(Collections.nCopies(4, null), Api.ok(Tokens.manager(red), NODES, "ids", blue).getList("data.nodes"));
        assertEquals(Collections.nCopies(2, null), Api.ok(Tokens.billing(red), NODES, "ids", blue.subList(2, 4))
                .getList("data.nodes"));
    }

    /** The ids of a nodes answer, null where an entry is null. */
    private static List<String> idsOf(JsonPath r) {
        return r.<Map<String, Object>>getList("data.nodes").stream().map(n -> n == null ? null : (String) n.get("id")).toList();
    }

    @Test
    void aMalformedIdIsNullNotAnError() {
        String team = aTeam();
        for (String id : List.of("", "!!!", "bm9wZTox", Ids.encode("Team", 1L), Ids.encode("Contact", 987_654_321L),
                "Q29udGFjdDp4", "x".repeat(500))) {
            JsonPath r = Api.call(Tokens.sales(team), NODE, "id", id);
            assertNull(r.get("errors"), id + ": " + r.prettify());
            assertNull(r.get("data.node"), id);
        }
    }

    @Test
    void nodesTakesAtMost200Ids() {
        String team = aTeam();
        String contact = aContact().inTeam(team).create();
        List<String> many = new ArrayList<>(Collections.nCopies(199, Ids.encode("Contact", 987_654_321L)));
        many.add(contact);
        JsonPath ok = Api.ok(Tokens.sales(team), NODES, "ids", many);
        assertEquals(200, ok.getList("data.nodes").size());
        assertEquals(contact, ok.getString("data.nodes[199].id"));
        many.add(contact);
        assertError(Api.call(Tokens.sales(team), NODES, "ids", many), "VALIDATION", "ids");
    }

    @Test
    void billingReadsQuotesAndInvoicesByIdButContactsOnlyThroughThem() {
        String team = aTeam();
        List<String> ids = oneOfEach(team);
        String billing = Tokens.billing(team);
        assertEquals(ids.get(2), Api.ok(billing, NODE, "id", ids.get(2)).getString("data.node.id"));
        assertEquals(ids.get(3), Api.ok(billing, NODE, "id", ids.get(3)).getString("data.node.id"));
        assertEquals(ids.subList(2, 4), idsOf(Api.ok(billing, NODES, "ids", ids.subList(2, 4))));
        // as contact(id:) refuses billing: by role, before anything is looked up, known id or not
        assertError(Api.call(billing, NODE, "id", ids.get(0)), "FORBIDDEN", null);
        assertError(Api.call(billing, NODE, "id", ids.get(1)), "FORBIDDEN", null);
        assertError(Api.call(billing, NODE, "id", Ids.encode("Contact", 987_654_321L)), "FORBIDDEN", null);
        assertError(Api.call(billing, NODES, "ids", ids), "FORBIDDEN", null);
        // a quote's contact, in the restricted form of the role matrix: identity and stage, not its interactions
        JsonPath viaQuote = Api.ok(billing, """
                query($id: ID!) { node(id: $id) { ... on Quote { contact { displayName stage stageHistory { to } } } } }""",
                "id", ids.get(2));
        assertEquals("Node " + team, viaQuote.getString("data.node.contact.displayName"));
        assertEquals("CLIENT", viaQuote.getString("data.node.contact.stage"));
        assertError(Api.call(billing, "query($id: ID!) { node(id: $id) { ... on Quote { contact { interactions { totalCount } } } } }",
                "id", ids.get(2)), "FORBIDDEN", null);
    }

    @Test
    void aCallerWithoutARoleIsRefused() {
        String team = aTeam();
        String contact = aContact().inTeam(team).create();
        String token = Tokens.token("no-role", java.util.Set.of(), List.of(team));
        assertError(Api.call(token, NODE, "id", contact), "FORBIDDEN", null);
        assertError(Api.call(token, NODES, "ids", List.of(contact)), "FORBIDDEN", null);
    }
}
