package dev.funnel.imports;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ImportUpsertKey")
@Description("How an imported row finds the contact it updates; a row with no contact to match creates one.")
public enum ImportUpsertKey {
    @Description("The e-mail column, compared without case or surrounding spaces. Two contacts of the team with that e-mail fail the row.")
    EMAIL(ImportField.EMAIL),
    @Description("The externalId column, compared without case or surrounding spaces (unique in the team).")
    EXTERNAL_ID(ImportField.EXTERNAL_ID),
    @Description("The id column: Funnel's own ids, as exports write them. A row with an id that is not a contact of the team fails.")
    ID(ImportField.ID);

    final ImportField field;

    ImportUpsertKey(ImportField field) {
        this.field = field;
    }
}
