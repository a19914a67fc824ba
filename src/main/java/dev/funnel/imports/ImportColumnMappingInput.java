package dev.funnel.imports;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ImportColumnMappingInput")
@Description("The field a column of the file fills, instead of the one its name gives.")
public record ImportColumnMappingInput(
        @NonNull @NotNull @Size(max = 200) @Description("The column's name, as in the file's header row.") String column,
        @Description("The field it fills; null to ignore the column.") ImportField field) {
}
