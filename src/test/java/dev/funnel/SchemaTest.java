package dev.funnel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * schema.graphql at the repository root is the published contract: this test fails when the
 * running schema differs from it. After an intended change, refresh it with
 * {@code ./mvnw test -Dtest=SchemaTest -Dfunnel.schema.update=true} and review the diff.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SchemaTest {

    private static final Path PUBLISHED = Path.of("schema.graphql");

    @Test
    void publishedSchemaMatchesTheRunningOne() throws IOException {
        String running = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString().strip() + "\n";
        if (Boolean.getBoolean("funnel.schema.update")) {
            Files.writeString(PUBLISHED, running);
        }
        String published = Files.exists(PUBLISHED) ? Files.readString(PUBLISHED) : "";
        assertEquals(published, running,
                "schema.graphql differs from the running schema; if intended, rerun with -Dfunnel.schema.update=true");
    }

    /** Every type it names is declared, scalars included (with @specifiedBy): tools load it as it is. */
    @Test
    void publishedSchemaIsACompleteDocument() throws IOException {
        String schema = Files.readString(PUBLISHED);
        graphql.schema.GraphQLSchema built = graphql.schema.idl.UnExecutableSchemaGenerator
                .makeUnExecutableSchema(new graphql.schema.idl.SchemaParser().parse(schema));
        for (String scalar : java.util.List.of("DateTime", "Date", "Decimal")) {
            graphql.schema.GraphQLScalarType type = (graphql.schema.GraphQLScalarType) built.getType(scalar);
            org.junit.jupiter.api.Assertions.assertNotNull(type, scalar);
            org.junit.jupiter.api.Assertions.assertNotNull(type.getSpecifiedByUrl(), scalar + " has no @specifiedBy");
        }
    }

    @Test
    void everyTypeAndFieldIsDescribed() throws IOException {
        String schema = given().get("/graphql/schema.graphql").then().extract().asString();
        String[] lines = schema.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean declaration = line.matches("^(type|input|enum|scalar) \\w+.*")
                    || (line.matches("^\\w+(\\(.*)?:.*") && !lines[i - 1].strip().endsWith("\"") && !lines[i - 1].strip().endsWith("\"\"\""))
                    || line.matches("^[A-Z_]+$");
            if (declaration && !line.startsWith("scalar") && !line.startsWith("type Query") && !line.startsWith("type Mutation")) {
                String previous = lines[i - 1].strip();
                assertEquals(true, previous.endsWith("\"") || previous.endsWith("\"\"\""),
                        "no description for: " + line);
            }
        }
    }
}
