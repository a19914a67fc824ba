package dev.funnel.graphql;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * Publishes {@code nodes(ids:)} as {@code [ID!]!}, as Relay has it. SmallRye 2.17 cannot take a
 * list of ids: {@code @Id} on a {@code List<String>} (or {@code String[]}) parameter makes every
 * call fail in its argument conversion ("Unknown Scalar Type"), and {@code @ToScalar(Scalar.ID)}
 * fails the start with a NullPointerException (quarkusio/quarkus#14840). So the method takes
 * {@code [String!]!} and the schema says ID: graphql-java coerces an ID to a String, which is what
 * the method receives either way. Start fails when the argument is no longer {@code [String!]!}.
 */
final class NodeIdsArgument {

    private NodeIdsArgument() {
    }

    static GraphQLSchema.Builder publish(GraphQLSchema.Builder builder) {
        GraphQLObjectType query = builder.build().getQueryType();
        GraphQLFieldDefinition nodes = query.getFieldDefinition("nodes");
        GraphQLArgument ids = nodes == null ? null : nodes.getArgument("ids");
        String expected = "[String!]!";
        if (ids == null || !expected.equals(GraphQLTypeUtil.simplePrint(ids.getType()))) {
            throw new IllegalStateException("Query.nodes(ids:) is no longer " + expected + "; see NodeIdsArgument");
        }
        GraphQLArgument asIds = ids.transform(a -> a.type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLID)))));
        GraphQLFieldDefinition published = nodes.transform(f -> f.argument(asIds));
        return builder.query(query.transform(q -> q.field(published)));
    }
}
