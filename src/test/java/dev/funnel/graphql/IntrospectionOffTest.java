package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;

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

/** With the production settings, introspection is refused like any unknown field. */
@QuarkusTest
@TestProfile(IntrospectionOffTest.ProductionGraphQL.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class IntrospectionOffTest {

    /** The %prod GraphQL settings of application.properties. */
    public static class ProductionGraphQL implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "no-introspection");
        }
    }

    @Test
    void introspectionIsOffInProduction() {
        assertError(Api.call(Tokens.sales("any"), "{ __schema { types { name } } }"), "VALIDATION", null);
        assertError(Api.call(Tokens.sales("any"), "{ __type(name: \"Contact\") { fields { name } } }"), "VALIDATION", null);
    }
}
