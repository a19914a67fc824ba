package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;

import org.junit.jupiter.api.Test;

import dev.funnel.packaged.PackagedAppResources;
import dev.funnel.support.Api;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The HTTP contract of /graphql, against the packaged application in production mode: the jar in every verify, the
 * native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class GraphQLOverHttpIT extends GraphQLOverHttpTest {

    /** In production __schema does not answer: a client reads the published schema.graphql. */
    @Override
    @Test
    void theUiAndCodegenIntrospectionQueryIsAnswered() {
        assertError(Api.call(Tokens.sales("any"), "query IntrospectionQuery { __schema { types { name } } }"), "VALIDATION",
                "query");
    }
}
