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
 * Publishes {@code nodes(ids:)} and {@code assignContacts(ids:)} as {@code [ID!]!}, as Relay has it. SmallRye 2.17 cannot take a
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
        GraphQLSchema schema = builder.build();
        GraphQLObjectType query = asIds(schema.getQueryType(), "nodes");
        GraphQLObjectType mutation = asIds(schema.getMutationType(), "assignContacts");
        return builder.query(query).mutation(mutation);
    }

    /** The type with its field's {@code ids} argument published as {@code [ID!]!}. */
    private static GraphQLObjectType asIds(GraphQLObjectType type, String field) {
        GraphQLFieldDefinition definition = type == null ? null : type.getFieldDefinition(field);
        GraphQLArgument ids = definition == null ? null : definition.getArgument("ids");
        String expected = "[String!]!";
        if (ids == null || !expected.equals(GraphQLTypeUtil.simplePrint(ids.getType()))) {
            throw new IllegalStateException(field + "(ids:) is no longer " + expected + "; see NodeIdsArgument");
        }
        GraphQLArgument asIds = ids.transform(a -> a.type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLID)))));
        GraphQLFieldDefinition published = definition.transform(f -> f.argument(asIds));
        return type.transform(t -> t.field(published));
    }
}
