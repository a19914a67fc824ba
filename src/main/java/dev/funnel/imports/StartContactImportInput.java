package dev.funnel.imports;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("StartContactImportInput")
@Description("Runs an uploaded file (POST /imports/contacts): dry, to see what would happen, or for real.")
public record StartContactImportInput(
        @NonNull @NotNull @Id @Description("The import job the upload returned.") String job,
        @NonNull @NotNull @Description("How a row finds the contact it updates.") ImportUpsertKey upsertKey,
        @DefaultValue("false") @Description("True: go through every row and report what would be created, updated, skipped or failed, writing no contact.") Boolean dryRun,
        @Size(max = 500) @Description("Columns mapped to other fields than their names give, or ignored.") List<ImportColumnMappingInput> mapping) {
}
