package dev.funnel.interaction;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Touches recorded at the same moment on one contact all land, and its counters add up. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentInteractionsTest {

    @Test
    void parallelTouchesOnOneContactAllApply() throws Exception {
        String team = aTeam();
        String id = aContact().inTeam(team).atStage("LEAD");
        String token = Tokens.sales(team);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> Api.ok(token,
                        "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }",
                        "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "OUTBOUND"))));
            }
            for (Future<JsonPath> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonPath c = Api.ok(token, "query($id: ID!) { contact(id: $id) { interactions { totalCount } followUp { unansweredTouches } } }",
                "id", id);
        assertEquals(16, c.getInt("data.contact.interactions.totalCount"));
        assertEquals(16, c.getInt("data.contact.followUp.unansweredTouches"));
    }
}
