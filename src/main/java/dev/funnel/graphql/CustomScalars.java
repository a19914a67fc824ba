package dev.funnel.graphql;

import java.util.Map;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The custom scalars of the schema, each with a description and the {@code @specifiedBy} URL of
 * its format, so that schema.graphql is a complete document that graphql-js and codegen load as it
 * is. SmallRye builds the scalars without either. A field typed with a scalar this class does not
 * know leaves schema.graphql incomplete, which SchemaTest catches.
 */
final class CustomScalars {

    private CustomScalars() {
    }

    private record Spec(String description, String url) {
    }

    private static final Map<String, Spec> CUSTOM = Map.of(
            "DateTime", new Spec("An instant, as an RFC 3339 date-time in UTC: 2026-01-31T09:00:00Z.",
                    "https://scalars.graphql.org/andimarek/date-time.html"),
            "Date", new Spec("A calendar date, as an RFC 3339 full-date: 2026-01-31.",
                    "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"),
            "Decimal", new Spec("An exact decimal number written as a JSON string, never a JSON number: \"19.99\", \"-3\", \"0.055\"."
                    + " No exponent, no thousands separator; a dot before the decimals. Amounts of money carry exactly"
                    + " the number of decimals of their currency (ISO 4217: EUR 2, JPY 0, BHD 3).",
                    "https://www.w3.org/TR/xmlschema11-2/#decimal"));

    private static final java.util.Set<String> BUILT_IN = java.util.Set.of("String", "Int", "Float", "Boolean", "ID");

    /** Whether the published schema declares that scalar: a built-in or one of Funnel's. */
    static boolean declared(String name) {
        return BUILT_IN.contains(name) || CUSTOM.containsKey(name);
    }

    /** The schema with every custom scalar described, and Decimal coerced as a string. */
    static GraphQLSchema described(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                if (BUILT_IN.contains(scalar.getName())) {
                    return TraversalControl.CONTINUE;
                }
                Spec spec = CUSTOM.get(scalar.getName());
                if (spec == null) {
                    // SmallRye's number scalars exist whether or not a field uses them: SchemaDocument
                    // leaves them out, and SchemaTest fails when a field uses one
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(b -> {
                    // the URL for introspection, the applied directive for the printed SDL
                    b.description(spec.description()).specifiedByUrl(spec.url())
                            .withAppliedDirective(GraphQLAppliedDirective.newDirective().name("specifiedBy")
                                    .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url")
                                            .type(GraphQLNonNull.nonNull(graphql.Scalars.GraphQLString)).valueProgrammatic(spec.url())));
                    if (scalar.getName().equals("Decimal")) {
                        b.coercing(new DecimalCoercing());
                    }
                }));
            }
        });
    }
}
