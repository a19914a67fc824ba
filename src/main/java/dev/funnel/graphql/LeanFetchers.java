package dev.funnel.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphQL;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SelectedField;
import graphql.schema.TypeResolver;

import dev.funnel.common.ValidationException;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;

/**
 * Spares every field fetch the request context SmallRye builds for it. Before each fetch, SmallRye
 * clones its context and writes the JSON of the whole selection below the field into it, twice
 * over; on the main screen (about 1,300 values, 100 batched lists) a JFR profile put half of the
 * request's CPU there. Funnel never reads that context's selected fields, so:
 * <ul>
 * <li>a plain property of a view record (Contact.displayName, Money.amount...) is read directly,
 * dates and times written in ISO-8601 as SmallRye writes them. This holds while view records name
 * their components as their GraphQL fields (no {@code @Name} on a component) and carry no custom
 * formats ({@code @DateFormat}, {@code @NumberFormat}); fields of other scalars keep SmallRye's
 * fetcher, and ViewFormatTest pins what comes out;</li>
 * <li>every other SmallRye fetcher (operations, batched {@code @Source} lists) runs as before but
 * is shown no selection set, which leaves nothing to copy.</li>
 * </ul>
 */
final class LeanFetchers {

    private LeanFetchers() {
    }

    /** The engine, with the fetchers of Funnel's object types replaced or wrapped. */
    static GraphQL.Builder install(GraphQL.Builder builder) {
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry.Builder replaced = GraphQLCodeRegistry.newCodeRegistry(registry);
        List<GraphQLObjectType> types = schema.getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                .map(GraphQLObjectType.class::cast).toList();
        for (GraphQLObjectType type : types) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                DataFetcher<?> fetcher = registry.getDataFetcher(type, field);
                FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
                String kind = fetcher.getClass().getName();
                if (fetcher instanceof FieldDataFetcher<?> && plain(field)) {
                    replaced.dataFetcher(coordinates, new Property(field.getName()));
                } else if (kind.startsWith("io.smallrye.graphql.") || kind.startsWith("io.quarkus.smallrye.graphql.")) {
                    replaced.dataFetcher(coordinates, new WithoutSelection(fetcher,
                            fetcher instanceof BatchDataFetcher<?> ? type.getName() + "." + field.getName() : null));
                }
            }
        }
        // CustomScalars rebuilt every type that uses a custom scalar, after SmallRye's type resolvers
        // took hold of the object types: they answer types the running schema does not hold, and
        // graphql-java then matches no fragment (... on Contact) of a Node. Answer the schema's own.
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType) {
                TypeResolver resolver = type instanceof GraphQLInterfaceType i ? registry.getTypeResolver(i)
                        : registry.getTypeResolver((GraphQLUnionType) type);
                if (resolver != null) {
                    replaced.typeResolver(type.getName(), env -> {
                        GraphQLObjectType resolved = resolver.getType(env);
                        return resolved == null ? null : env.getSchema().getObjectType(resolved.getName());
                    });
                }
            }
        }
        GraphQLCodeRegistry codeRegistry = replaced.build();
        return builder.schema(schema.transform(s -> s.codeRegistry(codeRegistry)));
    }

    /** Scalars {@link Property} writes as SmallRye does; a field of any other scalar keeps SmallRye's fetcher. */
    private static final Set<String> PLAIN_SCALARS = Set.of("String", "ID", "Int", "Float", "Boolean", "BigDecimal",
            "BigInteger", "DateTime", "Date", "Decimal");

    /** Objects, enums, lists of them, and the scalars above (of record components named as their fields). */
    private static boolean plain(GraphQLFieldDefinition field) {
        GraphQLNamedType type = GraphQLTypeUtil.unwrapAll(field.getType());
        return !(type instanceof GraphQLScalarType) || PLAIN_SCALARS.contains(type.getName());
    }

    /** A record component, read directly. */
    static final class Property implements DataFetcher<Object>, TrivialDataFetcher<Object> {

        private final PropertyDataFetcher<Object> property;

        Property(String name) {
            this.property = PropertyDataFetcher.fetching(name);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            Object value = property.get(environment);
            if (value instanceof OffsetDateTime time) {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
            }
            if (value instanceof LocalDate date) {
                return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }
            return value;
        }
    }

    /**
     * SmallRye's fetcher, shown an empty selection set. For a batched {@code @Source} field
     * ({@code batch} names it), SmallRye loads every occurrence in a request in one batch, with the
     * arguments of the first: a second occurrence with other arguments (two aliases of
     * Contact.quotes with different statuses) would get rows it did not ask for. It is refused.
     */
    record WithoutSelection(DataFetcher<?> fetcher, String batch) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            if (batch != null) {
                Map<String, Object> first = environment.getGraphQlContext()
                        .computeIfAbsent("funnel.batch." + batch, k -> environment.getArguments());
                if (!first.equals(environment.getArguments())) {
                    throw new ValidationException(environment.getField().getName(), batch + " is asked for with different"
                            + " arguments in one request; ask for each in its own request");
                }
            }
            return fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment).selectionSet(NONE).build());
        }
    }

    static final DataFetchingFieldSelectionSet NONE = new DataFetchingFieldSelectionSet() {

        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern, String... fieldGlobPatterns) {
            return Map.of();
        }
    };
}
