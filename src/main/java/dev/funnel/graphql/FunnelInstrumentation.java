package dev.funnel.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adds Funnel's graphql-java instrumentations ({@link QueryLimits}, then {@link ErrorMapping}) and
 * its {@link LeanFetchers} to the engine SmallRye builds, describes the custom scalars
 * ({@link Scalars}). (SmallRye keeps parsed and
 * validated documents itself, in an LRU of 2,048.) A SmallRye eventing service
 * (META-INF/services) rather than a CDI observer of {@code GraphQL.Builder}: the CDI route needs
 * SmallRye's events switched on, and those fire CDI events around every single field fetch
 * (measured: ~10 % of a page's CPU).
 */
public class FunnelInstrumentation implements EventingService {

    /** No config key: always on. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        return GraphQLSchema.newSchema(Scalars.described(builder.build()));
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        QueryLimits limits = Arc.container().instance(QueryLimits.class).get();
        // one flat chain: graphql-java asks every member of a chain about every field, nested chains included
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation smallrye = builder.build().getInstrumentation();
        if (smallrye instanceof ChainedInstrumentation chained) {
            chain.addAll(chained.getInstrumentations());
        } else if (smallrye != null) {
            chain.add(smallrye);
        }
        chain.addAll(limits.instrumentations());
        chain.add(new ErrorMapping());
        return LeanFetchers.install(builder).instrumentation(new ChainedInstrumentation(chain));
    }
}
