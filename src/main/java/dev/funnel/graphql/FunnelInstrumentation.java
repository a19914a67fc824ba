package dev.funnel.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adds Funnel's graphql-java instrumentations ({@link QueryLimits}, then {@link ErrorMapping}) and
 * its {@link PlainFieldFetcher} to the engine SmallRye builds. A SmallRye eventing service (META-INF/services) rather than a CDI
 * observer of {@code GraphQL.Builder}: the CDI route needs SmallRye's events switched on, and
 * those fire CDI events around every single field fetch (measured: ~10 % of a page's CPU).
 */
public class FunnelInstrumentation implements EventingService {

    /** No config key: always on. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        QueryLimits limits = Arc.container().instance(QueryLimits.class).get();
        return PlainFieldFetcher.install(builder).instrumentation(new ChainedInstrumentation(builder.build().getInstrumentation(),
                limits.instrumentation(), new ErrorMapping()));
    }
}
