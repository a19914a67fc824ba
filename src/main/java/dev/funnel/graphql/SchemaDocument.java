package dev.funnel.graphql;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import io.quarkus.arc.Arc;
import io.vertx.ext.web.Router;

/**
 * {@code GET /graphql/schema.graphql}: the schema as a complete SDL document (custom scalars
 * declared with {@code @specifiedBy}), the text of schema.graphql. SmallRye's own printer leaves the
 * scalars out, so graphql-js and codegen could not load what it printed. Served where SmallRye would
 * serve its schema (dev and test; not in production).
 */
@ApplicationScoped
public class SchemaDocument {

    private static final Set<String> DIRECTIVES = Set.of("specifiedBy", "deprecated", "oneOf");

    @ConfigProperty(name = "quarkus.smallrye-graphql.schema-available", defaultValue = "true")
    boolean available;

    void routes(@Observes Router router) {
        if (!available) {
            return;
        }
        router.get("/graphql/schema.graphql").order(-2).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8").end(print()));
    }

    /** The running schema, printed. */
    static String print() {
        GraphQLSchema schema = Arc.container().instance(GraphQLSchema.class).get();
        SchemaPrinter.Options options = SchemaPrinter.Options.defaultOptions().includeScalarTypes(true)
                .includeSchemaDefinition(false).includeIntrospectionTypes(false).includeDirectiveDefinitions(false)
                .includeDirectives(DIRECTIVES::contains)
                // SmallRye adds its number scalars whether or not a field uses them; Funnel's are declared
                .includeSchemaElement(e -> !(e instanceof GraphQLScalarType s) || Scalars.declared(s.getName()));
        return new SchemaPrinter(options).print(schema);
    }
}
