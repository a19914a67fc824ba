package dev.funnel.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.funnel.common.Ids;
import dev.funnel.contact.Contact;

/**
 * Contacts as CSV rows, in the columns an import reads (docs/imports.md, "Export"): the fields
 * imports write, then the read-only columns. A file exported then imported with the upsert key ID
 * changes nothing.
 */
final class ContactCsv {

    /** The export's columns: those an import fills, then those it reads and leaves to Funnel. */
    static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>();
        for (ImportField f : ImportField.values()) {
            if (f != ImportField.FIRST_NAME && f != ImportField.LAST_NAME && f != ImportField.CAMPAIGN_ID) {
                header.add(f.column);
            }
        }
        header.addAll(ImportField.READ_ONLY);
        HEADER = List.copyOf(header);
    }

    /**
     * A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
     * return) is written after an apostrophe, the OWASP advice against CSV injection; imports take
     * that apostrophe off again. Phone numbers and numbers are not formulas and are left alone.
     */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern HARMLESS = Pattern.compile("^[+\\-]?[0-9 ().\\/+\\-]*$");

    private ContactCsv() {
    }

    static String[] row(Contact c) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(Ids.encode("Contact", c.id));
        cells.add(c.externalId);
        cells.add(c.kind.name());
        cells.add(c.displayName);
        cells.add(c.email);
        cells.add(c.phone);
        cells.add(Ids.encode("Contact", c.organizationId));
        cells.add(String.join("|", c.roles.stream().map(Enum::name).toList()));
        cells.add(c.source.name());
        cells.add(c.country);
        cells.add(c.region);
        cells.add(c.sector);
        cells.add(text(c.employeeCount));
        cells.add(c.annualRevenue == null ? null : c.annualRevenue.stripTrailingZeros().toPlainString());
        cells.add(String.valueOf(c.decisionMaker));
        cells.add(text(c.knownNeed));
        cells.add(text(c.hasBudget));
        cells.add(c.offerKnowledge);
        cells.add(String.valueOf(c.websiteVisits));
        cells.add(text(c.welcomesProposal));
        cells.add(c.owner);
        cells.add(text(c.stage));
        cells.add(text(c.temperature));
        cells.add(text(c.leadStatus));
        cells.add(Ids.encode("Campaign", c.firstCampaignId));
        cells.add(Ids.encode("Campaign", c.lastCampaignId));
        cells.add(text(dev.funnel.common.Times.utc(c.createdAt)));
        cells.add(text(dev.funnel.common.Times.utc(c.updatedAt)));
        cells.add(text(dev.funnel.common.Times.utc(c.lastInteractionAt)));
        return cells.stream().map(ContactCsv::safe).toArray(String[]::new);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A cell as written: empty for null, an apostrophe before a formula. */
    static String safe(String cell) {
        if (cell == null) {
            return "";
        }
        return FORMULA.matcher(cell).matches() && !HARMLESS.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** A cell as read: the apostrophe an export put before a formula taken off. */
    static String unguard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA.matcher(cell.substring(1)).matches() ? cell.substring(1) : cell;
    }
}
