package dev.funnel.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The GraphQL limits (OWASP GraphQL cheat sheet); a request past any of them answers LIMIT_EXCEEDED. */
@ConfigMapping(prefix = "funnel.graphql")
public interface LimitsConfig {

    /** Deepest field nesting a query may reach. */
    @WithDefault("12")
    int maxDepth();

    /**
     * Highest cost a query may have: each field costs 1 plus its children, and a connection
     * multiplies its children's cost by its page size ({@code first}, 50 when left out).
     */
    @WithDefault("25000")
    int maxComplexity();

    /** Most aliased fields in one document (aliases let one request repeat costly fields). */
    @WithDefault("30")
    int maxAliases();

    /** Most operations one document may define (only one runs, but all are parsed and validated). */
    @WithDefault("5")
    int maxOperations();

    /**
     * Most fields one document may select, each repetition counted: graphql-java checks fields
     * of one name against each other, so a thousand copies of one field cost a million checks.
     */
    @WithDefault("500")
    int maxFields();

    /** Most tokens (names, punctuation, values) in one document; the parser stops past them. */
    @WithDefault("5000")
    int maxTokens();

    /** Most requests in one batch (a JSON array of requests in one POST). */
    @WithDefault("5")
    int maxBatch();

    /**
     * Deepest nesting of an operation that only asks about the schema ({@code __schema},
     * {@code __type}): the GraphQL UI's and codegen's introspection queries nest type references
     * about 15 deep, past the limit for data.
     */
    @WithDefault("20")
    int introspectionMaxDepth();

    /**
     * Whether {@code __schema} answers. Off in production: a client reads the published
     * schema.graphql instead. {@code __type(name:)} and {@code __typename} always answer.
     */
    @WithDefault("true")
    boolean schemaIntrospection();
}
