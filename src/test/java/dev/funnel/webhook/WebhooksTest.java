package dev.funnel.webhook;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Await;
import dev.funnel.support.Errors;
import dev.funnel.support.Imports;
import dev.funnel.support.Quotes;
import dev.funnel.support.Receiver;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Webhook delivery through the real stack: changes made over GraphQL, the relay, and a real HTTP
 * receiver on this machine. Signatures are checked here with javax.crypto alone, written from the
 * Standard Webhooks specification (clients/ checks them again with the npm standardwebhooks
 * package). The test profile retries after 1 s, three times.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a test watches to show that nothing more arrives. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    public record Endpoint(String id, String secret) {
    }

    public static Endpoint endpoint(String team, String url, String... types) {
        JsonPath created = Api.ok(Tokens.manager(team), """
                mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id enabled } secret } }""",
                "i", Map.of("team", team, "url", url, "eventTypes", List.of(types), "description", "test receiver"));
        assertTrue(created.getBoolean("data.createWebhookEndpoint.endpoint.enabled"));
        return new Endpoint(created.getString("data.createWebhookEndpoint.endpoint.id"),
                created.getString("data.createWebhookEndpoint.secret"));
    }

    /** Standard Webhooks: one of the header's v1 signatures is the HMAC-SHA256 of id.timestamp.body. */
    static boolean signedWith(String secret, Receiver.Delivery d) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(d.signature().split(" ")).contains(expected);
    }

    static JsonPath body(Receiver.Delivery d) {
        return new JsonPath(d.body());
    }

    static boolean hasType(List<Receiver.Delivery> ds, String type) {
        return ds.stream().anyMatch(d -> d.status() / 100 == 2 && type.equals(body(d).getString("type")));
    }

    @Test
    void everyChangeIsDeliveredOnceSignedAndInTheTeamsSequence() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = endpoint(team, receiver.url());
            String contact = aContact().inTeam(team).source("REFERRAL").atStage("PROSPECT");
            String quote = Quotes.aSentQuote(team, contact);
            Quotes.convert(Tokens.billing(team), quote, "k-" + team);
            // attempts run in parallel, so the conversion's three events may arrive in any order:
            // wait for the last one emitted, then order by the team's sequence number
            List<Receiver.Delivery> got = receiver.await(ds -> hasType(ds, "invoice.issued") && ds.stream()
                    .anyMatch(d -> d.status() / 100 == 2 && "contact.stage_changed".equals(body(d).getString("type"))
                            && "CLIENT".equals(body(d).getString("data.to"))), WAIT).stream()
                    .sorted(java.util.Comparator.comparingLong(d -> body(d).getLong("sequence"))).toList();

            Set<String> types = new HashSet<>();
            Set<String> ids = new HashSet<>();
            long previous = body(got.get(0)).getLong("sequence") - 1;
            for (Receiver.Delivery d : got) {
                assertTrue(signedWith(endpoint.secret(), d), "signature of " + d.body());
                assertTrue(Math.abs(Long.parseLong(d.timestamp()) - System.currentTimeMillis() / 1000) < 60);
                JsonPath body = body(d);
                assertEquals(d.id(), body.getString("id"));
                assertEquals(team, body.getString("team"));
                assertTrue(ids.add(d.id()), "each event once: " + d.id());
                long sequence = body.getLong("sequence");
                assertEquals(previous + 1, sequence, "the team's sequence, without a gap");
                previous = sequence;
                types.add(body.getString("type"));
            }
            assertTrue(types.containsAll(Set.of("contact.created", "contact.stage_changed", "interaction.recorded",
                    "quote.created", "quote.sent", "quote.converted", "invoice.issued")), types.toString());

            // the replay log holds the same events, in the same order, with the same ids and numbers
            List<Map<String, Object>> log = Api.ok(Tokens.manager(team),
                    "query($t: String) { events(filter: {team: $t}, first: 200) { totalCount edges { node { id typeName sequence team } } } }",
                    "t", team).getList("data.events.edges.node");
            assertEquals(got.stream().map(Receiver.Delivery::id).toList(),
                    log.stream().map(e -> e.get("id")).toList().subList(log.size() - got.size(), log.size()));
            for (int i = 0; i < log.size(); i++) {
                assertEquals(i + 1, log.get(i).get("sequence"), "the log numbers the team's events from 1");
            }
        }
    }

    @Test
    void anImportsEventsAreNumberedAndDeliveredInTheTeamsSequenceLikeEveryOther() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = endpoint(team, receiver.url(), "CONTACT_CREATED");
            // events numbered by the relay before and after the import's, which its batches number themselves
            // (two batches of the test profile's 1,000 rows, worked on at once)
            String before = aContact().inTeam(team).with("inFunnel", false).create();
            StringBuilder file = new StringBuilder("externalId,displayName,source\n");
            for (int i = 0; i < 1_200; i++) {
                file.append("ext-").append(i).append(",Person ").append(i).append(',').append(i % 5 == 0 ? "WEB_FORM" : "REFERRAL").append('\n');
            }
            String job = Imports.uploaded(Tokens.sales(team), team, file.toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(1_200, Imports.run(Tokens.sales(team), job, "EXTERNAL_ID", false).get("created"));
            String after = aContact().inTeam(team).with("inFunnel", false).create();

            // the replay log: every event of the team, numbered from 1 without a gap or a repeat, positions rising with it
            List<Map<String, Object>> log = new java.util.ArrayList<>();
            String cursor = null;
            do {
                JsonPath page = Api.ok(Tokens.manager(team), "query($t: String, $a: String) { events(filter: {team: $t}, first: 200, after: $a)"
                        + " { edges { cursor node { id typeName sequence subjectId } } pageInfo { hasNextPage } } }", "t", team, "a", cursor);
                List<Map<String, Object>> edges = page.getList("data.events.edges");
                edges.forEach(e -> log.add(Map.of("cursor", e.get("cursor"), "node", e.get("node"))));
                cursor = page.getBoolean("data.events.pageInfo.hasNextPage") ? (String) edges.get(edges.size() - 1).get("cursor") : null;
            } while (cursor != null);
            // a contact.created each, and for each imported contact its stage change into the funnel (a lead's two)
            assertTrue(log.size() >= 2 + 1_200 * 2, "events: " + log.size());
            Set<String> created = new HashSet<>();
            for (int i = 0; i < log.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) log.get(i).get("node");
                assertEquals(i + 1, node.get("sequence"), "the log in the team's sequence, from 1");
                if ("contact.created".equals(node.get("typeName"))) {
                    created.add((String) node.get("subjectId"));
                }
            }
            assertEquals(1_202, created.size());
            assertEquals(before, ((Map<?, ?>) log.get(0).get("node")).get("subjectId"));
            assertEquals(after, ((Map<?, ?>) log.get(log.size() - 1).get("node")).get("subjectId"));

            // and each contact.created delivered once, signed, with the number the log gives it
            List<Receiver.Delivery> got = receiver.await(ds -> ds.stream().filter(d -> d.status() / 100 == 2).count() >= 1_202,
                    Duration.ofSeconds(60));
            Set<String> ids = new HashSet<>();
            Set<String> delivered = new HashSet<>();
            for (Receiver.Delivery d : got) {
                assertTrue(signedWith(endpoint.secret(), d), "signature of " + d.body());
                assertTrue(ids.add(d.id()), "each event once: " + d.id());
                delivered.add(body(d).getString("subjectId"));
            }
            assertEquals(created, delivered);
            Await.holds(() -> receiver.received().size(), n -> n == got.size(), QUIET, "each event delivered once");
        }
    }

    @Test
    void convertQuoteEmitsItsEventsTogetherAndAReplayEmitsNothing() {
        String team = aTeam();
        String contact = aContact().inTeam(team).source("REFERRAL").atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        JsonPath converted = Quotes.convert(Tokens.billing(team), quote, "once-" + team);
        String invoice = converted.getString("data.convertQuote.invoice.id");
        List<String> afterConversion = awaitTypes(team, "invoice.issued");
        Quotes.convert(Tokens.billing(team), quote, "once-" + team); // replay
        // a later change, numbered after anything the replay could have written
        String marker = aContact().inTeam(team).with("inFunnel", false).create(); // one event: contact.created
        List<String> after = awaitTypes(team, "contact.created:" + marker);

        assertEquals(1, afterConversion.stream().filter(t -> t.equals("quote.converted")).count());
        assertEquals(1, afterConversion.stream().filter(t -> t.equals("invoice.issued")).count());
        int converted1 = afterConversion.indexOf("quote.converted");
        assertEquals(List.of("quote.converted", "invoice.issued", "contact.stage_changed"),
                afterConversion.subList(converted1, converted1 + 3), "the conversion's events, one transaction");
        assertEquals(afterConversion.size() + 1, after.size(), "the replay emitted nothing");
        JsonPath issued = Api.ok(Tokens.manager(team), "query($s: ID) { events(filter: {subjectId: $s}) { edges { node { typeName data } } } }",
                "s", invoice);
        assertEquals("invoice.issued", issued.getString("data.events.edges[0].node.typeName"));
        JsonPath data = new JsonPath(issued.getString("data.events.edges[0].node.data"));
        assertEquals(quote, data.getString("quoteId"));
        assertEquals("1300.00", data.getString("netTotal.amount"));
        assertEquals("EUR", data.getString("netTotal.currency"));
    }

    @Test
    void aRolledBackChangeEmitsNothing() {
        String team = aTeam();
        String contact = aContact().inTeam(team).source("REFERRAL").atStage("LEAD");
        String quote = Quotes.aSentQuote(team, contact);
        Api.ok(Tokens.sales(team), "mutation($id: ID!) { disqualifyContact(id: $id, reason: NO_NEED) { stage } }", "id", contact);
        // the conversion writes its invoice and events, then fails on the contact: all rolled back
        Errors.assertError(Quotes.convert(Tokens.billing(team), quote, "rb-" + team), "QUOTE_NOT_CONVERTIBLE", null);
        String marker = aContact().inTeam(team).with("inFunnel", false).create(); // one event: contact.created
        List<String> types = awaitTypes(team, "contact.created:" + marker);
        assertFalse(types.contains("quote.converted"), types.toString());
        assertFalse(types.contains("invoice.issued"), types.toString());
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameIdUntilDelivered() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver().answering((id, attempt) -> attempt <= 2 ? 500 : 200)) {
            endpoint(team, receiver.url(), "CONTACT_CREATED");
            aContact().inTeam(team).create();
            List<Receiver.Delivery> got = receiver.await(ds -> ds.size() == 3, WAIT);
            assertEquals(1, got.stream().map(Receiver.Delivery::id).distinct().count(), "one event, three attempts");
            assertEquals(List.of(500, 500, 200), got.stream().map(Receiver.Delivery::status).toList());
            assertEquals(got.get(0).body(), got.get(2).body(), "the same body every attempt");
            JsonPath delivery = awaitDelivery(team, "DELIVERED");
            assertEquals(3, delivery.getInt("attempts"));
            assertEquals(200, delivery.getInt("lastResponseStatus"));
            Await.holds(() -> receiver.received().size(), n -> n == 3, QUIET, "nothing after the 2xx");
        }
    }

    @Test
    void aReceiverThatIsDownGetsTheEventWhenItComesBack() throws Exception {
        String team = aTeam();
        int port;
        try (Receiver probe = new Receiver()) {
            port = probe.port();
        }
        endpoint(team, "http://127.0.0.1:" + port + "/hooks", "CONTACT_CREATED");
        String contact = aContact().inTeam(team).create();
        JsonPath failing = awaitDelivery(team, "PENDING", d -> d.getInt("attempts") >= 1 && d.getString("lastError") != null);
        assertNull(failing.get("lastResponseStatus"));
        try (Receiver receiver = new Receiver(port)) {
            List<Receiver.Delivery> got = receiver.await(ds -> !ds.isEmpty(), WAIT);
            assertEquals(contact, body(got.get(0)).getString("data.contact.id"));
            awaitDelivery(team, "DELIVERED");
        }
    }

    @Test
    void goneDisablesTheEndpointAndItReceivesNothingMore() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver().answering((id, attempt) -> 410)) {
            Endpoint endpoint = endpoint(team, receiver.url(), "CONTACT_CREATED");
            aContact().inTeam(team).create();
            receiver.await(ds -> ds.size() == 1, WAIT);
            JsonPath disabled = awaitEndpoint(team, e -> !e.getBoolean("enabled"));
            assertTrue(disabled.getString("disabledReason").contains("410"), disabled.prettify());
            aContact().inTeam(team).create();
            Await.holds(() -> receiver.received().size(), n -> n == 1, QUIET, "nothing to a disabled endpoint");
            // enabled again, it receives what comes next
            Api.ok(Tokens.manager(team), "mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { enabled disabledReason } }",
                    "i", Map.of("id", endpoint.id(), "enabled", true));
            receiver.answering((id, attempt) -> 200);
            aContact().inTeam(team).create();
            receiver.await(ds -> ds.size() == 2, WAIT);
        }
    }

    @Test
    void givenUpDeliveriesAreSentAgainOnRequest() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver().answering((id, attempt) -> 503)) {
            Endpoint endpoint = endpoint(team, receiver.url(), "CONTACT_CREATED");
            OffsetDateTime since = OffsetDateTime.now().minusMinutes(1);
            aContact().inTeam(team).create();
            // the first attempt and the three retries of the test schedule, then FAILED
            JsonPath failed = awaitDelivery(team, "FAILED");
            assertEquals(4, failed.getInt("attempts"));
            assertTrue(failed.getString("lastError").contains("given up after 4 attempts"), failed.prettify());
            receiver.answering((id, attempt) -> 200);
            JsonPath redelivered = Api.ok(Tokens.manager(team), "mutation($i: RedeliverEventsInput!) { redeliverEvents(input: $i) { scheduled } }",
                    "i", Map.of("endpointId", endpoint.id(), "failedSince", since.toString()));
            assertEquals(1, redelivered.getInt("data.redeliverEvents.scheduled"));
            List<Receiver.Delivery> got = receiver.await(ds -> ds.size() == 5, WAIT);
            assertEquals(got.get(0).id(), got.get(4).id(), "the same webhook-id");
            awaitDelivery(team, "DELIVERED");
            // one event, by its id, even once delivered
            String eventId = got.get(0).id();
            Api.ok(Tokens.manager(team), "mutation($i: RedeliverEventsInput!) { redeliverEvents(input: $i) { scheduled } }",
                    "i", Map.of("endpointId", endpoint.id(), "eventId", eventId));
            receiver.await(ds -> ds.size() == 6, WAIT);
        }
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringTheOverlap() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = endpoint(team, receiver.url(), "CONTACT_CREATED");
            JsonPath rotated = Api.ok(Tokens.manager(team), "mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { previousSecretValidUntil } } }",
                    "id", endpoint.id());
            String secret = rotated.getString("data.rotateWebhookSecret.secret");
            assertNotEquals(endpoint.secret(), secret);
            assertTrue(rotated.getString("data.rotateWebhookSecret.endpoint.previousSecretValidUntil") != null);
            aContact().inTeam(team).create();
            Receiver.Delivery d = receiver.await(ds -> !ds.isEmpty(), WAIT).get(0);
            assertEquals(2, d.signature().split(" ").length);
            assertTrue(signedWith(secret, d));
            assertTrue(signedWith(endpoint.secret(), d));
            assertFalse(signedWith(dev.funnel.webhook.Signatures.newSecret(), d));
        }
    }

    @Test
    void endpointsAreCheckedAndTheirSecretIsNeverReadBack() {
        String team = aTeam();
        for (String url : List.of("ftp://example.com/x", "https://user:pw@example.com/x", "not a url", "https:///nohost")) {
            JsonPath refused = Api.call(Tokens.manager(team), "mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }",
                    "i", Map.of("team", team, "url", url));
            Errors.assertError(refused, "VALIDATION", "input.url");
        }
        endpoint(team, "https://example.com/hooks");
        String schemaSdl = Api.ok(Tokens.admin(), "{ __type(name: \"WebhookEndpoint\") { fields { name } } }").prettify();
        assertFalse(schemaSdl.contains("\"secret\""), "no field reads a secret back");
        Errors.assertError(Api.call(Tokens.sales(team), "{ webhookEndpoints { totalCount } }"), "FORBIDDEN", null);
        assertEquals(1, Api.ok(Tokens.manager(team), "query($t: String) { webhookEndpoints(team: $t) { totalCount } }", "t", team)
                .getInt("data.webhookEndpoints.totalCount"));
    }

    @Test
    void deliveriesAndTheOutboxAreMeasured() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver().answering((id, attempt) -> attempt == 1 ? 500 : 200)) {
            endpoint(team, receiver.url(), "CONTACT_CREATED");
            aContact().inTeam(team).create();
            receiver.await(ds -> ds.size() == 2, WAIT);
            awaitDelivery(team, "DELIVERED");
        }
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String counter : List.of("funnel_webhook_attempts_total{result=\"delivered\"}",
                "funnel_webhook_attempts_total{result=\"failed\"}", "funnel_webhook_retries_total")) {
            double value = metrics.lines().filter(l -> l.startsWith(counter + " ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                    .findFirst().orElseThrow(() -> new AssertionError("missing " + counter));
            assertTrue(value >= 1, counter + " = " + value);
        }
        for (String gauge : List.of("funnel_events_outbox_lag_seconds", "funnel_webhook_delivery_lag_seconds",
                "funnel_webhook_deliveries_pending", "funnel_webhook_endpoints_disabled", "funnel_events_subscriptions",
                "funnel_webhook_deliveries_given_up_total", "funnel_webhook_endpoints_disabled_by_funnel_total")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(gauge + " ") || l.startsWith(gauge + "{")), "missing " + gauge);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The team's event types in log order, once the log holds {@code until} ("type" or "type:subjectId"). */
    static List<String> awaitTypes(String team, String until) {
        String[] wanted = until.split(":", 2);
        List<Map<String, Object>> events = Await.until(() -> Api.ok(Tokens.manager(team),
                "query($t: String) { events(filter: {team: $t}, first: 200) { edges { node { typeName subjectId } } } }",
                "t", team).<Map<String, Object>>getList("data.events.edges.node"),
                es -> es.stream().anyMatch(e -> e.get("typeName").equals(wanted[0])
                        && (wanted.length == 1 || e.get("subjectId").equals(wanted[1]))),
                WAIT, until + " in the events of " + team);
        return events.stream().map(e -> (String) e.get("typeName")).toList();
    }

    static JsonPath awaitDelivery(String team, String status) {
        return awaitDelivery(team, status, d -> true);
    }

    static JsonPath awaitDelivery(String team, String status, java.util.function.Predicate<JsonPath> also) {
        String root = "data.webhookEndpoints.edges[0].node.deliveries.edges[0].node";
        return Await.until(() -> new JsonPath(Api.ok(Tokens.manager(team), """
                query($t: String) { webhookEndpoints(team: $t) { edges { node { deliveries(first: 1) { edges { node {
                  status attempts lastResponseStatus lastResponseBody lastError deliveredAt event { typeName } } } } } } } }""",
                "t", team).prettify()).setRootPath(root),
                d -> status.equals(d.getString("status")) && also.test(d), WAIT, "a " + status + " delivery for " + team);
    }

    static JsonPath awaitEndpoint(String team, java.util.function.Predicate<JsonPath> done) {
        return Await.until(() -> new JsonPath(Api.ok(Tokens.manager(team),
                "query($t: String) { webhookEndpoints(team: $t) { edges { node { enabled disabledReason disabledAt } } } }",
                "t", team).prettify()).setRootPath("data.webhookEndpoints.edges[0].node"), done, WAIT,
                "the state expected of the endpoint of " + team);
    }
}
