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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
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
}
