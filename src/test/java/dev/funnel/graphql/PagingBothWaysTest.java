package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.funnel.support.Api;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Every connection pages both ways (Relay): forward with first/after, backward with last/before,
 * edges always in the list's order. Walking a list forward and walking it backward both give its
 * whole order exactly once, through ties on the sort value and rows without one.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class PagingBothWaysTest {

    private static final String PAGE_ARGS = "first: $n, after: $a, last: $l, before: $b";
    private static final String PAGE_VARS = "$n: Int, $a: String, $l: Int, $b: String";
    private static final String CONNECTION = "{ pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } }";
    private static final String RECORD = "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }";
    private static final String TIE = "2026-01-05T10:00:00Z";

    /** One list, read through {@code query} (which takes the paging variables) at {@code path}. */
    private record Connection(String token, String query, String path, Map<String, Object> vars) {

        JsonPath page(Integer first, String after, Integer last, String before) {
            Map<String, Object> all = new LinkedHashMap<>(vars);
            all.put("n", first);
            all.put("a", after);
            all.put("l", last);
            all.put("b", before);
            Object[] pairs = all.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
            return Api.ok(token, query, pairs);
        }

        List<String> ids(JsonPath page) {
            return page.getList(path + ".edges.node.id");
        }

        /** The whole list in one page. */
        List<String> all() {
            return ids(page(200, null, null, null));
        }

        /** Forward from the start, {@code size} at a time. */
        List<String> forward(int size) {
            List<String> seen = new ArrayList<>();
            String after = null;
            boolean more = true;
            for (int pages = 0; more; pages++) {
                JsonPath p = page(size, after, null, null);
                checkCursors(p);
                assertEquals(after != null, p.getBoolean(path + ".pageInfo.hasPreviousPage"), "forward, page " + pages);
                seen.addAll(ids(p));
                more = p.getBoolean(path + ".pageInfo.hasNextPage");
                after = p.getString(path + ".pageInfo.endCursor");
                assertTrue(pages < 50, "forward paging does not end");
            }
            return seen;
        }

        /** Backward from the end, {@code size} at a time, each page's edges in the list's order. */
        List<String> backward(int size) {
            List<String> seen = new ArrayList<>();
            String before = null;
            boolean more = true;
            for (int pages = 0; more; pages++) {
                JsonPath p = page(null, null, size, before);
                checkCursors(p);
                assertEquals(before != null, p.getBoolean(path + ".pageInfo.hasNextPage"), "backward, page " + pages);
                seen.addAll(0, ids(p));
                more = p.getBoolean(path + ".pageInfo.hasPreviousPage");
                before = p.getString(path + ".pageInfo.startCursor");
                assertTrue(pages < 50, "backward paging does not end");
            }
            return seen;
        }

        private void checkCursors(JsonPath p) {
            List<String> cursors = p.getList(path + ".edges.cursor");
            assertEquals(cursors.isEmpty() ? null : cursors.get(0), p.getString(path + ".pageInfo.startCursor"));
            assertEquals(cursors.isEmpty() ? null : cursors.get(cursors.size() - 1), p.getString(path + ".pageInfo.endCursor"));
        }

        /** Both walks give the whole list; a page before a cursor in the middle holds the rows just before it. */
        List<String> walksBothWays(int expectedSize) {
            List<String> all = all();
            assertEquals(expectedSize, all.size(), "the list: " + all);
            assertEquals(all, forward(2), "forward");
            assertEquals(all, backward(2), "backward");
            assertEquals(all, forward(3), "forward by 3");
            assertEquals(all, backward(3), "backward by 3");
            JsonPath whole = page(200, null, null, null);
            String middle = whole.getString(path + ".edges[" + (expectedSize / 2) + "].cursor");
            assertEquals(all.subList(expectedSize / 2 - 2, expectedSize / 2), ids(page(null, null, 2, middle)));
            assertEquals(all.subList(expectedSize / 2 + 1, expectedSize / 2 + 3), ids(page(2, middle, null, null)));
            return all;
        }
    }

    private static Connection contacts(String team, String field, String direction) {
        return new Connection(Tokens.sales(team), "query($t: String, $f: ContactOrderField!, $d: OrderDirection, " + PAGE_VARS
                + ") { contacts(filter: {team: $t}, orderBy: {field: $f, direction: $d}, " + PAGE_ARGS + ") " + CONNECTION + " }",
                "data.contacts", Map.of("t", team, "f", field, "d", direction));
    }

    private static void record(String team, String contact, String direction, String at) {
        Api.ok(Tokens.sales(team), RECORD, "i", Map.of("contactId", contact, "channel", "PHONE", "direction", direction,
                "occurredAt", at));
    }

    @ParameterizedTest
    @CsvSource({ "NAME,ASC", "NAME,DESC", "CREATED_AT,ASC", "CREATED_AT,DESC", "UPDATED_AT,DESC", "LAST_INTERACTION_AT,DESC",
            "LAST_INTERACTION_AT,ASC" })
    void contactsPageBothWaysThroughTiesAndMissingValues(String field, String direction) {
        String team = aTeam();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> untouched = new ArrayList<>();
        String[] list = { "delta", "alpha", "echo", "alpha", "bravo", "charlie", "bravo", "alpha" };
        for (int i = 0; i < list.length; i++) {
            String id = aContact().inTeam(team).named(list[i]).create();
            names.put(id, list[i]);
            if (i % 3 == 0) {
                untouched.add(id);
            } else {
                // three contacts share their last interaction's instant
                record(team, id, "OUTBOUND", i % 3 == 1 && i < 6 ? TIE : "2026-01-0" + (i + 1) + "T09:00:00Z");
            }
        }
        List<String> all = contacts(team, field, direction).walksBothWays(list.length);
        List<String> sortedNames = all.stream().map(names::get).toList();
        if (field.equals("NAME")) {
            Comparator<String> order = direction.equals("ASC") ? Comparator.naturalOrder() : Comparator.reverseOrder();
            assertEquals(sortedNames.stream().sorted(order).toList(), sortedNames);
        }
        if (field.equals("LAST_INTERACTION_AT")) {
            assertEquals(untouched.stream().sorted().toList(), all.subList(all.size() - untouched.size(), all.size()).stream().sorted().toList(),
                    "contacts never touched come last either way: " + sortedNames);
        }
    }

    @Test
    void followUpsPageBothWaysThroughTies() {
        String team = aTeam();
        for (int i = 0; i < 7; i++) {
            String id = aContact().inTeam(team).named("lead-" + i).source(i % 3 == 0 ? "WEB_FORM" : "REFERRAL").atStage("LEAD");
            if (i % 2 == 0) {
                record(team, id, "OUTBOUND", TIE);
            }
        }
        new Connection(Tokens.sales(team), "query($t: String, " + PAGE_VARS + ") { followUps(team: $t, " + PAGE_ARGS + ") "
                + CONNECTION + " }", "data.followUps", Map.of("t", team)).walksBothWays(7);
    }

    @Test
    void quotesInvoicesAndAContactsListsPageBothWays() {
        String team = aTeam();
        String contact = aContact().inTeam(team).source("REFERRAL").atStage("PROSPECT");
        String other = aContact().inTeam(team).source("REFERRAL").atStage("PROSPECT");
        for (int i = 0; i < 6; i++) {
            String quote = Quotes.aSentQuote(team, i % 2 == 0 ? contact : other);
            if (i < 5) {
                Quotes.convert(Tokens.billing(team), quote, "both-ways-" + team + "-" + i);
            }
            Quotes.aSentQuote(team, contact);
        }
        for (int i = 0; i < 5; i++) {
            record(team, contact, i % 2 == 0 ? "OUTBOUND" : "INBOUND", i < 3 ? TIE : "2026-01-0" + (i + 1) + "T09:00:00Z");
        }
        String token = Tokens.sales(team);
        new Connection(token, "query($t: String, " + PAGE_VARS + ") { quotes(filter: {team: $t}, " + PAGE_ARGS + ") " + CONNECTION + " }",
                "data.quotes", Map.of("t", team)).walksBothWays(12);
        new Connection(token, "query($t: String, " + PAGE_VARS + ") { invoices(filter: {team: $t}, " + PAGE_ARGS + ") " + CONNECTION + " }",
                "data.invoices", Map.of("t", team)).walksBothWays(5);
        // the contact's interactions: 2 of atStage, 5 recorded here (3 at one instant)
        new Connection(token, "query($id: ID!, " + PAGE_VARS + ") { contact(id: $id) { interactions(" + PAGE_ARGS + ") " + CONNECTION
                + " } }", "data.contact.interactions", Map.of("id", contact)).walksBothWays(7);
        new Connection(token, "query($id: ID!, " + PAGE_VARS + ") { contact(id: $id) { quotes(" + PAGE_ARGS + ") " + CONNECTION
                + " } }", "data.contact.quotes", Map.of("id", contact)).walksBothWays(9);
    }

    @Test
    void aPageOfContactsPagesEachContactsListBackwardOnItsOwn() {
        String team = aTeam();
        List<String> contacts = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String id = aContact().inTeam(team).create();
            contacts.add(id);
            for (int i = 0; i <= c; i++) {
                record(team, id, "OUTBOUND", "2026-01-0" + (i + 1) + "T09:00:00Z");
            }
        }
        JsonPath p = Api.ok(Tokens.sales(team), """
                query($t: String) { contacts(filter: {team: $t}, orderBy: {field: CREATED_AT, direction: ASC}) { edges { node {
                  interactions(last: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { occurredAt } } } } } } }""",
                "t", team);
        for (int c = 0; c < 3; c++) {
            String list = "data.contacts.edges[" + c + "].node.interactions";
            List<String> expected = new ArrayList<>();
            for (int i = Math.min(c, 1); i >= 0; i--) {
                expected.add("2026-01-0" + (i + 1) + "T09:00:00Z");
            }
            assertEquals(expected, p.getList(list + ".edges.node.occurredAt"), "newest first, the oldest two: contact " + c);
            assertEquals(c == 2, p.getBoolean(list + ".pageInfo.hasPreviousPage"));
            assertFalse(p.getBoolean(list + ".pageInfo.hasNextPage"));
            assertEquals(c + 1, p.getInt(list + ".totalCount"));
        }
    }

    @Test
    void firstAndLastTogetherAreRefusedOnEveryList() {
        String team = aTeam();
        String contact = aContact().inTeam(team).create();
        String token = Tokens.sales(team);
        for (String query : List.of("{ contacts(first: 2, last: 2) { totalCount } }", "{ followUps(first: 2, last: 2) { totalCount } }",
                "{ quotes(first: 2, last: 2) { totalCount } }", "{ invoices(first: 2, last: 2) { totalCount } }",
                "query($id: ID!) { contact(id: $id) { interactions(first: 2, last: 2) { totalCount } } }",
                "query($id: ID!) { contact(id: $id) { quotes(first: 2, last: 2) { totalCount } } }")) {
            Map<String, Object> error = assertError(Api.call(token, query, "id", contact), "VALIDATION", "last");
            assertTrue(((String) error.get("message")).contains("first and last"), query + ": " + error);
        }
    }

    @Test
    void lastIsCappedLikeFirst() {
        String team = aTeam();
        String token = Tokens.sales(team);
        assertError(Api.call(token, "{ contacts(last: 201) { totalCount } }"), "VALIDATION", "last");
        assertError(Api.call(token, "{ quotes(last: -1) { totalCount } }"), "VALIDATION", "last");
        assertError(Api.call(token, "{ invoices(before: \"nope\", last: 2) { totalCount } }"), "VALIDATION", "before");
        aContact().inTeam(team).create();
        JsonPath zero = Api.ok(token, "{ contacts(last: 0) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor } edges { cursor } } }");
        assertEquals(1, zero.getInt("data.contacts.totalCount"));
        assertEquals(List.of(), zero.getList("data.contacts.edges"));
        assertTrue(zero.getBoolean("data.contacts.pageInfo.hasPreviousPage"));
        assertFalse(zero.getBoolean("data.contacts.pageInfo.hasNextPage"));
        assertNull(zero.get("data.contacts.pageInfo.startCursor"));
    }
}
