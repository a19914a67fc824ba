package dev.funnel.event;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Await;
import dev.funnel.support.GraphQLWs;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The events subscription over WebSocket (graphql-transport-ws), with real tokens: what it sends,
 * to whom, and how it resumes. clients/ runs the same scenario with the npm graphql-ws client.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a test watches to show that nothing else arrives. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final String EVENTS = """
            subscription($after: String, $types: [EventType!]) {
              events(after: $after, types: $types) { id typeName team subjectId sequence cursor data } }""";

    @Test
    void aStageChangeMadeElsewhereReachesTheTeamsSubscriberAndNoOtherTeamsEvents() {
        String team = aTeam();
        String other = aTeam();
        try (GraphQLWs ws = GraphQLWs.connect(Tokens.sales(team))) {
            ws.await(ms -> ms.stream().anyMatch(m -> "connection_ack".equals(m.getString("type"))), WAIT);
            ws.subscribe("1", EVENTS, Map.of("types", List.of("CONTACT_STAGE_CHANGED")));
            // a subscription without a cursor starts where the log ends when it starts: changes made
            // before that are not its to send, so both teams make changes until one reaches it
            List<String> contacts = changesUntilOneArrives(ws, "1", team, other);
            JsonPath event = ws.next("1").get(0);
            assertEquals("contact.stage_changed", event.getString("data.events.typeName"));
            assertEquals(team, event.getString("data.events.team"));
            assertTrue(contacts.contains(event.getString("data.events.subjectId")), event.prettify());
            assertEquals("SUSPECT", new JsonPath(event.getString("data.events.data")).getString("to"));
            Await.holds(() -> ws.next("1"), es -> es.stream().allMatch(e -> team.equals(e.getString("data.events.team"))),
                    QUIET, "only the caller's team's events");
        }
    }

    @Test
    void aSubscriptionResumesFromItsLastCursorWithoutAGap() {
        String team = aTeam();
        String cursor;
        long sequence;
        try (GraphQLWs ws = GraphQLWs.connect(Tokens.sales(team))) {
            ws.subscribe("a", EVENTS, Map.of("after", endOfLog(team)));
            aContact().inTeam(team).with("inFunnel", false).create();
            ws.await(ms -> !ws.next("a").isEmpty(), WAIT);
            JsonPath last = ws.next("a").get(0);
            cursor = last.getString("data.events.cursor");
            sequence = last.getLong("data.events.sequence");
        }
        // three changes while nobody listens
        for (int i = 0; i < 3; i++) {
            aContact().inTeam(team).with("inFunnel", false).create();
        }
        try (GraphQLWs ws = GraphQLWs.connect(Tokens.sales(team))) {
            ws.subscribe("b", EVENTS, Map.of("after", cursor));
            ws.await(ms -> ws.next("b").size() >= 3, WAIT);
            aContact().inTeam(team).with("inFunnel", false).create();
            ws.await(ms -> ws.next("b").size() >= 4, WAIT);
            List<Long> sequences = ws.next("b").stream().map(e -> e.getLong("data.events.sequence")).toList();
            assertEquals(List.of(sequence + 1, sequence + 2, sequence + 3, sequence + 4), sequences);
        }
    }

    @Test
    void aConnectionWithoutAValidTokenIsClosed() {
        try (GraphQLWs ws = GraphQLWs.connect(null)) {
            assertEquals(4403, ws.closeCode(WAIT));
        }
        try (GraphQLWs ws = GraphQLWs.connect("not-a-token")) {
            assertEquals(4403, ws.closeCode(WAIT));
        }
    }

    @Test
    void onlySalesManagersAndAdminsMaySubscribe() {
        String team = aTeam();
        for (String role : List.of("billing", "none", "sales", "manager", "admin")) {
            String token = Tokens.token(role + "-user", role.equals("none") ? java.util.Set.of() : java.util.Set.of(role), List.of(team));
            try (GraphQLWs ws = GraphQLWs.connect(token)) {
                ws.subscribe("s", EVENTS, Map.of());
                if (role.equals("billing") || role.equals("none")) {
                    List<JsonPath> got = ws.await(ms -> ms.stream().anyMatch(m -> "s".equals(m.getString("id"))), WAIT);
                    String all = got.stream().map(JsonPath::prettify).toList().toString();
                    assertTrue(all.contains("FORBIDDEN"), role + ": " + all);
                } else {
                    changesUntilOneArrives(ws, "s", team);
                }
            }
        }
    }

    @Test
    void aSubscriptionIsRefusedOverHttp() {
        io.restassured.RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + Tokens.sales(aTeam()))
                .body(Map.of("query", "subscription { events { id } }")).post("/graphql")
                .then().statusCode(400).body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_REQUEST"))
                .body("data", org.hamcrest.Matchers.nullValue());
    }

    /**
     * Creates a contact in each of {@code teams} every 50 ms until the subscription has received
     * something; the ids of the contacts created in the first team.
     */
    private static List<String> changesUntilOneArrives(GraphQLWs ws, String id, String... teams) {
        List<String> created = new ArrayList<>();
        Await.until(() -> {
            for (int i = teams.length - 1; i >= 0; i--) {
                String contact = aContact().inTeam(teams[i]).create();
                if (i == 0) {
                    created.add(contact);
                }
            }
            return ws.next(id);
        }, events -> !events.isEmpty(), WAIT, "an event on subscription " + id);
        return created;
    }

    /** The cursor of the team's latest event, once numbered: a subscription after it gets what comes next. */
    private static String endOfLog(String team) {
        aContact().inTeam(team).with("inFunnel", false).create();
        return Await.until(() -> Api.ok(Tokens.manager(team),
                "query($t: String) { events(filter: {team: $t}, first: 1, order: NEWEST_FIRST) { edges { node { cursor } } } }", "t", team)
                .getList("data.events.edges.node.cursor", String.class), cursors -> !cursors.isEmpty(), WAIT,
                "the first event of " + team).get(0);
    }
}
