package dev.funnel.graphql;

import static dev.funnel.support.Errors.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Fixtures;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Each GraphQL limit answers LIMIT_EXCEEDED past its setting, and lets through what stays under it. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class GraphQLLimitsTest {

    private String token;

    @BeforeEach
    void aSalesUser() {
        token = Tokens.sales(Fixtures.aTeam());
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ contacts { edges { node { organization { organization { organization { organization { organization"
                + " { organization { organization { organization { organization { id } } } } } } } } } } } } }";
        assertError(Api.call(token, deep), "LIMIT_EXCEEDED", null);
        assertNull(Api.call(token, "{ contacts { edges { node { organization { organization { id } } } } } }").get("errors"));
    }

    @Test
    void tooCostlyAQueryIsRefused() {
        String costly = "{ contacts(first: 200) { edges { node { id interactions(first: 200) { edges { node { id channel summary } } } } } } }";
        assertError(Api.call(token, costly), "LIMIT_EXCEEDED", null);
        // a document is parsed and validated once, then reused: its cost still follows each call's variables
        String sized = "query($n: Int) { contacts(first: $n) { edges { node { id interactions(first: $n) { edges { node { id } } } } } } }";
        Api.ok(token, sized, "n", 5);
        assertError(Api.call(token, sized, "n", 200), "LIMIT_EXCEEDED", null);
        Api.ok(token, sized, "n", 5);
        assertNull(Api.call(token, "{ contacts(first: 50) { edges { node { id interactions(first: 3) { edges { node { id } } } } } } }")
                .get("errors"));
    }

    @Test
    void tooManyAliasesAreRefused() {
        String aliases = IntStream.range(0, 31).mapToObj(i -> "a" + i + ": me { name }").collect(Collectors.joining(" "));
        assertError(Api.call(token, "{ " + aliases + " }"), "LIMIT_EXCEEDED", null);
        String fewer = IntStream.range(0, 30).mapToObj(i -> "a" + i + ": me { name }").collect(Collectors.joining(" "));
        assertEquals("sales-", Api.ok(token, "{ " + fewer + " }").getString("data.a29.name").substring(0, 6));
    }

    @Test
    void tooManyOperationsInOneDocumentAreRefused() {
        String six = IntStream.range(0, 6).mapToObj(i -> "query q" + i + " { me { name } }").collect(Collectors.joining(" "));
        assertError(Api.call(token, six), "LIMIT_EXCEEDED", null);
    }

    @Test
    void pageSizeIsCapped() {
        assertError(Api.call(token, "{ contacts(first: 201) { totalCount } }"), "VALIDATION", "first");
        assertError(Api.call(token, "{ quotes(first: 1000) { totalCount } }"), "VALIDATION", "first");
    }
}
