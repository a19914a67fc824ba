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
}
