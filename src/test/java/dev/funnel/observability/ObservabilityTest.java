package dev.funnel.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Fixtures;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** What ops watch: health, metrics, request ids. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsCountGraphQLOperationsThePoolAndTheBusiness() {
        String team = Fixtures.aTeam();
        String contact = Fixtures.aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        Quotes.convert(Tokens.billing(team), quote, "m-" + team);
        Quotes.convert(Tokens.billing(team), quote, "m-" + team);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : new String[] { "funnel_stage_changes_total{to=\"CLIENT\",trigger=\"QUOTE_CONVERSION\"}",
                "funnel_conversions_total", "funnel_conversion_replays_total", "agroal_active_count",
                "mp_graphql_seconds_count{name=\"convertQuote\",source=\"false\",type=\"MUTATION\"}" }) {
            assertTrue(metrics.contains(expected), "missing " + expected + " in:\n" + metrics.lines()
                    .filter(l -> l.contains("graphql") || l.contains("funnel")).collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + Tokens.sales("x"))
                .body("{\"query\":\"{ me { name } }\"}").post("/graphql")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "lb-1234").get("/q/health/live").then().header("X-Request-Id", "lb-1234");
        given().header("X-Request-Id", "not sane\u0007").get("/q/health/live")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void frontEndsOfConfiguredOriginsMayCall() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options("/graphql")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://app.example.com");
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST").options("/graphql")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
