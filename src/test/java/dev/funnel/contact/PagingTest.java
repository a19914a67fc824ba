package dev.funnel.contact;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Keyset paging walks every list once, in order, whatever the sort. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class PagingTest {

    private static final String PAGE = """
            query($t: String, $f: ContactOrderField!, $d: OrderDirection, $n: Int, $a: String) {
              contacts(filter: {team: $t}, orderBy: {field: $f, direction: $d}, first: $n, after: $a) {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { displayName } }
              }
            }""";

    @ParameterizedTest
    @CsvSource({ "NAME,ASC", "NAME,DESC", "CREATED_AT,ASC", "UPDATED_AT,DESC", "LAST_INTERACTION_AT,DESC",
            "LAST_INTERACTION_AT,ASC" })
    void pagesWalkTheWholeListInOrder(String field, String direction) {
        String team = aTeam();
        List<String> names = List.of("delta", "alpha", "echo", "charlie", "bravo", "alpha", "foxtrot");
        List<String> created = new ArrayList<>();
        for (String name : names) {
            String id = aContact().inTeam(team).named(name).create();
            created.add(name);
            if (!name.equals("echo") && !name.equals("bravo")) {
                interact(team, id, "EMAIL", "OUTBOUND");
            }
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath p = Api.ok(Tokens.sales(team), PAGE, "t", team, "f", field, "d", direction, "n", 2, "a", after);
            assertEquals(7, p.getInt("data.contacts.totalCount"));
            seen.addAll(p.getList("data.contacts.edges.node.displayName"));
            after = p.getBoolean("data.contacts.pageInfo.hasNextPage") ? p.getString("data.contacts.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(4, pages);
        assertEquals(7, seen.size(), "each contact once: " + seen);
        if (field.equals("NAME")) {
            Comparator<String> order = direction.equals("ASC") ? Comparator.naturalOrder() : Comparator.reverseOrder();
            assertEquals(names.stream().sorted(order).toList(), seen);
        } else if (field.equals("CREATED_AT")) {
            assertEquals(created, seen);
        } else if (field.equals("LAST_INTERACTION_AT")) {
            assertEquals(List.of("echo", "bravo"), seen.subList(5, 7).stream().sorted(Comparator.reverseOrder()).toList(),
                    "contacts never touched come last: " + seen);
        }
    }

    @Test
    void followUpsPageByKeysetToo() {
        String team = aTeam();
        for (int i = 0; i < 5; i++) {
            aContact().inTeam(team).named("lead-" + i).source(i % 2 == 0 ? "WEB_FORM" : "REFERRAL").atStage("LEAD");
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonPath p = Api.ok(Tokens.sales(team), """
                    query($t: String, $a: String) { followUps(team: $t, first: 2, after: $a) {
                      totalCount pageInfo { hasNextPage endCursor } edges { node { displayName temperature } } } }""",
                    "t", team, "a", after);
            assertEquals(5, p.getInt("data.followUps.totalCount"));
            seen.addAll(p.getList("data.followUps.edges.node.temperature"));
            after = p.getBoolean("data.followUps.pageInfo.hasNextPage") ? p.getString("data.followUps.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(List.of("HOT", "HOT", "HOT", "WARM", "WARM"), seen);
    }

    @Test
    void emptyAndZeroSizedPages() {
        String team = aTeam();
        JsonPath empty = Api.ok(Tokens.sales(team), PAGE, "t", team, "f", "NAME", "d", "ASC", "n", 10, "a", null);
        assertEquals(0, empty.getInt("data.contacts.totalCount"));
        assertFalse(empty.getBoolean("data.contacts.pageInfo.hasNextPage"));
        aContact().inTeam(team).create();
        JsonPath zero = Api.ok(Tokens.sales(team), PAGE, "t", team, "f", "NAME", "d", "ASC", "n", 0, "a", null);
        assertEquals(1, zero.getInt("data.contacts.totalCount"));
        assertTrue(zero.getBoolean("data.contacts.pageInfo.hasNextPage"));
    }

    @Test
    void filtersNarrowTheList() {
        String team = aTeam();
        aContact().inTeam(team).named("Zoe Martin").with("email", "zoe@acme.example").source("WEB_FORM").create();
        aContact().inTeam(team).named("Yann Petit").source("LIST").create();
        String q = "query($f: ContactFilter) { contacts(filter: $f) { totalCount edges { node { displayName } } } }";
        assertEquals(List.of("Zoe Martin"), Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "search", "ACME"))
                .getList("data.contacts.edges.node.displayName"));
        assertEquals(List.of("Zoe Martin"), Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "stages", List.of("LEAD")))
                .getList("data.contacts.edges.node.displayName"));
        assertEquals(List.of("Yann Petit"), Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "sources", List.of("LIST")))
                .getList("data.contacts.edges.node.displayName"));
        assertEquals(List.of("Zoe Martin"), Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "temperatures", List.of("HOT")))
                .getList("data.contacts.edges.node.displayName"));
        assertEquals(0, Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "search", "100%_"))
                .getInt("data.contacts.totalCount"), "LIKE wildcards are literal");
        assertEquals(2, Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "updatedSince", "2020-01-01T00:00:00Z"))
                .getInt("data.contacts.totalCount"));
        assertEquals(0, Api.ok(Tokens.sales(team), q, "f", java.util.Map.of("team", team, "updatedSince", "2999-01-01T00:00:00Z"))
                .getInt("data.contacts.totalCount"));
    }

    @Test
    void aContactsInteractionsPageNewestFirstThroughTiesAndEachContactGetsItsOwn() {
        String team = aTeam();
        String contact = aContact().inTeam(team).create();
        String other = aContact().inTeam(team).create();
        String record = "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }";
        List<String> recorded = new ArrayList<>();
        for (String at : List.of("2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z", "2026-01-01T08:00:00Z")) {
            recorded.add(Api.ok(Tokens.sales(team), record, "i", Map.of("contactId", contact, "channel", "PHONE",
                    "direction", "OUTBOUND", "occurredAt", at)).getString("data.recordInteraction.id"));
        }
        Api.ok(Tokens.sales(team), record, "i", Map.of("contactId", other, "channel", "EMAIL", "direction", "INBOUND"));
        // newest first; among the three at the same instant, the last recorded first
        List<String> expected = List.of(recorded.get(2), recorded.get(1), recorded.get(0), recorded.get(3));
        String page = """
                query($id: ID!, $after: String) { contact(id: $id) { interactions(first: 1, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonPath p = Api.ok(Tokens.sales(team), page, "id", contact, "after", after);
            assertEquals(4, p.getInt("data.contact.interactions.totalCount"));
            seen.addAll(p.getList("data.contact.interactions.edges.node.id"));
            after = p.getBoolean("data.contact.interactions.pageInfo.hasNextPage")
                    ? p.getString("data.contact.interactions.pageInfo.endCursor") : null;
        } while (after != null && seen.size() < 10);
        assertEquals(expected, seen);
        JsonPath both = Api.ok(Tokens.sales(team),
                "{ contacts(first: 10) { edges { node { id interactions(first: 2) { totalCount edges { node { id } } } } } } }");
        List<Map<String, Object>> nodes = both.getList("data.contacts.edges.node");
        assertEquals(2, nodes.size());
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> list = (Map<String, Object>) node.get("interactions");
            @SuppressWarnings("unchecked")
            List<Object> ids = ((List<Map<String, Map<String, Object>>>) list.get("edges")).stream().map(e -> e.get("node").get("id")).toList();
            boolean mine = node.get("id").equals(contact);
            assertEquals(mine ? expected.subList(0, 2) : List.of(ids.get(0)), ids);
            assertEquals(mine ? 4 : 1, list.get("totalCount"));
        }
    }

    @Test
    void aContactsQuotesInSomeStatusesPageNewestFirst() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(Quotes.aSentQuote(team, contact));
            Quotes.create(team, contact, List.of(Quotes.line("draft", "1", "10", "20")));
        }
        String page = """
                query($id: ID!, $after: String) { contact(id: $id) { quotes(statuses: [SENT], first: 1, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } } }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonPath p = Api.ok(Tokens.sales(team), page, "id", contact, "after", after);
            assertEquals(3, p.getInt("data.contact.quotes.totalCount"));
            assertEquals(List.of("SENT"), p.getList("data.contact.quotes.edges.node.status"));
            seen.addAll(p.getList("data.contact.quotes.edges.node.id"));
            after = p.getBoolean("data.contact.quotes.pageInfo.hasNextPage") ? p.getString("data.contact.quotes.pageInfo.endCursor") : null;
        } while (after != null && seen.size() < 10);
        assertEquals(List.of(sent.get(2), sent.get(1), sent.get(0)), seen);
    }
}
