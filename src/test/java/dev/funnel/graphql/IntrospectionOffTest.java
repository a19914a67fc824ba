package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * With the production settings, {@code __schema} is refused like any unknown field (clients read
 * the published schema.graphql); {@code __type} and {@code __typename} still answer, within the
 * limits for data, as the GraphQL-over-HTTP audits and simple health probes expect.
 */
@QuarkusTest
@TestProfile(IntrospectionOffTest.ProductionGraphQL.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class IntrospectionOffTest {

    /** The %prod GraphQL settings of application.properties. */
    public static class ProductionGraphQL implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.graphql.schema-introspection", "false");
        }
    }

    @Test
    void schemaIntrospectionIsOffInProduction() {
        assertError(Api.call(Tokens.sales("any"), "{ __schema { types { name } } }"), "VALIDATION", null);
        assertEquals("Contact", Api.ok(Tokens.sales("any"), "{ __type(name: \"Contact\") { name } }").getString("data.__type.name"));
        assertEquals("Query", Api.ok(Tokens.sales("any"), "{ __typename }").getString("data.__typename"));
    }

    @Test
    void introspectionGetsNoDepthAllowanceInProduction() {
        // __type, fields, type, then 10 levels of ofType: 14 deep, past the 12 allowed for data
        String deep = "{ __type(name: \"Contact\") { fields { type { " + "ofType { ".repeat(10) + "name"
                + " }".repeat(10) + " } } } }";
        assertError(Api.call(Tokens.sales("any"), deep), "LIMIT_EXCEEDED", null);
    }
}
