package dev.funnel.imports;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ImportJobStatus")
@Description("Where an import stands.")
public enum ImportJobStatus {
    @Description("The file is stored; startContactImport runs it (dry or for real).")
    UPLOADED,
    @Description("A run is going through the rows; rowsDone says how far.")
    RUNNING,
    @Description("A run stopped without finishing (its instance stopped); startContactImport with the same options resumes it where it stopped.")
    INTERRUPTED,
    @Description("A run failed (see error); startContactImport with the same options resumes it where it stopped.")
    FAILED,
    @Description("The last run went through every row. A dry run can be followed by a real one.")
    COMPLETED
}
