package dev.funnel.imports;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ImportColumn")
@Description("A column of an imported file and what the import does with it.")
public record ImportColumnView(
        @NonNull @Description("Position in the file, from 0.") int index,
        @NonNull @Description("Its name in the header row.") String name,
        @Description("The contact field it fills; null when it fills none.") ImportField field,
        @NonNull @Description("MAPPED: it fills field. READ_ONLY: a column exports write that Funnel decides (stage, temperature...): read, never written. UNKNOWN: no field has this name; map it or leave it. IGNORED: ignored by the mapping, or a second column for a field already filled.") ImportColumnStatus status) {

    @org.eclipse.microprofile.graphql.Enum("ImportColumnStatus")
    @Description("What an import does with a column.")
    public enum ImportColumnStatus {
        @Description("The column fills a contact field.")
        MAPPED,
        @Description("A column exports write that Funnel decides (stage, temperature, dates...): read, never written.")
        READ_ONLY,
        @Description("No field has this name: map it, or it is left out.")
        UNKNOWN,
        @Description("Ignored by the mapping, or a second column for a field another column fills.")
        IGNORED
    }
}
