package dev.funnel.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/**
 * The packaged application in production mode (the jar here; the native binary with
 * {@code ./mvnw verify -Dnative}): health, then the whole path from a new contact to a client.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class PackagedAppIT {

    private static String token(String user, String role, List<String> teams) {
        return Jwt.preferredUserName(user).subject(user).groups(Set.of(role)).claim("teams", teams)
                .issuer("https://server.example.com").audience("https://service.example.com").sign("privateKey.jwk");
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("agroal_"));
    }

    @Test
    void contactGoesFromSuspectToClient() {
        Api.ok(token("root", "admin", List.of()), "mutation { createTeam(input: {code: \"packaged\", name: \"Packaged\"}) { code } }");
        String sales = token("sam", "sales", List.of("packaged"));
        String contact = Api.ok(sales, "mutation { createContact(input: {displayName: \"Atelier Paquet\"}) { id stage } }")
                .getString("data.createContact.id");
        Api.ok(sales, "mutation($id: ID!) { qualifyContact(id: $id) { stage } }", "id", contact);
        String record = "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { contact { stage } } }";
        Api.ok(sales, record, "i", Map.of("contactId", contact, "channel", "PHONE", "direction", "OUTBOUND"));
        assertEquals("PROSPECT", Api.ok(sales, record, "i", Map.of("contactId", contact, "channel", "EMAIL", "direction", "INBOUND"))
                .getString("data.recordInteraction.contact.stage"));
        String quote = Api.ok(sales, "mutation($i: CreateQuoteInput!) { createQuote(input: $i) { id gross { amount } } }",
                "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString(),
                        "lines", List.of(Map.of("description", "Audit", "quantity", "1", "unitPrice", "1000", "taxRate", "20"))))
                .getString("data.createQuote.id");
        Api.ok(sales, "mutation($id: ID!) { sendQuote(id: $id) { status } }", "id", quote);
        JsonPath converted = Api.ok(token("erp", "billing", List.of("packaged")),
                "mutation($q: ID!) { convertQuote(input: {quoteId: $q, idempotencyKey: \"it-1\"}) { invoice { number gross { amount } } contact { stage } } }",
                "q", quote);
        assertEquals(1, converted.getInt("data.convertQuote.invoice.number"));
        assertEquals("1200.00", converted.getString("data.convertQuote.invoice.gross.amount"));
        assertEquals("CLIENT", converted.getString("data.convertQuote.contact.stage"));
        assertFalse(Api.call(sales, "{ __schema { types { name } } }").prettify().contains("Contact"), "no introspection in production");
    }
}
