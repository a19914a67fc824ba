package dev.funnel.imports;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.graphql.Node;

@Type("ImportJob")
@Description("An uploaded file and its runs (docs/imports.md). Progress: rowsDone of rowsTotal; the report: GET reportUrl.")
public record ImportJobView(
        @Ignore long teamId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("Code of the team the contacts go to.") String team,
        @Description("The file's name, as the upload gave it.") String fileName,
        @NonNull @Description("The encoding read: UTF-8, UTF-8 (BOM) or windows-1252.") String encoding,
        @NonNull @Description("The delimiter read: , ; or a tab.") String delimiter,
        @NonNull @Description("Size of the file in bytes.") int bytes,
        @NonNull @Description("Rows of the file, the header row and blank rows left out.") int rowsTotal,
        @NonNull @Description("The file's columns and the field each fills (in the current run; before any run, by name).") List<@NonNull ImportColumnView> columns,
        @NonNull @Description("Names of the columns no field is known by: map them, or they are left out.") List<@NonNull String> unknownColumns,
        @NonNull @Description("Where the import stands.") ImportJobStatus status,
        @Description("Whether the current (or last) run is a dry run; null before any run.") Boolean dryRun,
        @Description("The upsert key of the current (or last) run.") ImportUpsertKey upsertKey,
        @NonNull @Description("Rows the current run went through.") int rowsDone,
        @NonNull @Description("Rows that created a contact (in a dry run: would have).") int created,
        @NonNull @Description("Rows that changed a contact (in a dry run: would have).") int updated,
        @NonNull @Description("Rows whose contact already held every value: nothing written.") int unchanged,
        @NonNull @Description("Rows skipped: the same upsert key as an earlier row of the file.") int skipped,
        @NonNull @Description("Rows that broke a rule; the report says which and why.") int failed,
        @Description("Why the run failed; null unless FAILED.") String errorCode,
        @Description("What went wrong, when FAILED.") String errorMessage,
        @NonNull @Description("Who uploaded the file.") String createdBy,
        @NonNull @Description("When it was uploaded (UTC).") OffsetDateTime createdAt,
        @Description("Who started the current run.") String startedBy,
        @Description("When the current run started (UTC).") OffsetDateTime startedAt,
        @Description("When the current run finished (UTC).") OffsetDateTime finishedAt,
        @NonNull @Description("Where the row-by-row report is (GET, CSV, the same bearer token).") String reportUrl) implements Node {
}
