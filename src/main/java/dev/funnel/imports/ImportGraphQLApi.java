package dev.funnel.imports;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

/** Contact imports: the file goes up with POST /imports/contacts, runs and is followed here (docs/imports.md). */
@GraphQLApi
@Authenticated
public class ImportGraphQLApi {

    private final ContactImports imports;

    public ImportGraphQLApi(ContactImports imports) {
        this.imports = imports;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("importJob")
    @Description("An import of the caller's teams, with its progress; null when there is none with that id.")
    public ImportJobView importJob(@NonNull @Id @Name("id") @Description("The import job.") String id) {
        return imports.find(id).map(imports::view).orElse(null);
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("startContactImport")
    @Description("Runs an uploaded file in the background, dry or for real; a run that stopped resumes where it stopped when started again with the same options. Follow it with importJob.")
    public @NonNull ImportJobView startContactImport(@NonNull @Name("input") @Description("What to run, and how.") StartContactImportInput input) {
        return imports.view(imports.start(input));
    }
}
