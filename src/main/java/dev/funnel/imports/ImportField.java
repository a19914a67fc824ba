package dev.funnel.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/**
 * The contact fields a file's columns can fill (docs/imports.md, "Columns"). Each has the column
 * name exports write, and the other names a column is recognised by (compared without case,
 * accents, spaces or punctuation).
 */
@Enum("ImportField")
@Description("A contact field a column of an imported file fills.")
public enum ImportField {
    @Description("Funnel's opaque contact id (the upsert key ID).")
    ID("id", "funnelid", "contactid"),
    @Description("The contact's id in another system (the upsert key EXTERNAL_ID).")
    EXTERNAL_ID("externalId", "recordid", "crmid", "reference", "ref"),
    @Description("PERSON or ORGANIZATION.")
    KIND("kind", "type"),
    @Description("Full name of a person, or name of an organization.")
    DISPLAY_NAME("displayName", "name", "fullname", "nomcomplet", "contactname"),
    @Description("First name: joined with the last name into the display name when no column gives one.")
    FIRST_NAME("firstName", "prenom", "givenname"),
    @Description("Last name: joined with the first name into the display name when no column gives one.")
    LAST_NAME("lastName", "nom", "nomdefamille", "surname", "familyname"),
    @Description("Email address (the upsert key EMAIL).")
    EMAIL("email", "emailaddress", "mail", "courriel", "adressemail", "adresseemail", "email1"),
    @Description("Phone number.")
    PHONE("phone", "phonenumber", "telephone", "tel", "mobile", "portable"),
    @Description("The opaque id of the organization contact a person belongs to.")
    ORGANIZATION_ID("organizationId"),
    @Description("Roles besides the funnel stage, separated by |.")
    ROLES("roles"),
    @Description("How the contact came (a Source value).")
    SOURCE("source", "leadsource", "origine"),
    @Description("ISO 3166-1 alpha-2 country code.")
    COUNTRY("country", "pays", "countrycode"),
    @Description("Region within the country.")
    REGION("region", "state"),
    @Description("Business sector.")
    SECTOR("sector", "industry", "secteur"),
    @Description("Number of employees.")
    EMPLOYEE_COUNT("employeeCount", "employees", "numberofemployees", "effectif"),
    @Description("Annual revenue (a dot or a comma before the decimals).")
    ANNUAL_REVENUE("annualRevenue", "revenue", "chiffredaffaires"),
    @Description("Whether the contact takes the buying decision (true/false, yes/no, oui/non, 1/0).")
    DECISION_MAKER("decisionMaker", "decideur"),
    @Description("Qualification answer: has a known need.")
    KNOWN_NEED("knownNeed"),
    @Description("Qualification answer: has a budget.")
    HAS_BUDGET("hasBudget"),
    @Description("Qualification answer: what the contact knows of our offer.")
    OFFER_KNOWLEDGE("offerKnowledge"),
    @Description("Qualification answer: visits to our website so far.")
    WEBSITE_VISITS("websiteVisits"),
    @Description("Qualification answer: would welcome a proposal.")
    WELCOMES_PROPOSAL("welcomesProposal"),
    @Description("The owner: the token subject of a member of the team.")
    OWNER("owner"),
    @Description("The opaque id of a campaign of the team that reached the contact.")
    CAMPAIGN_ID("campaignId");

    /** Columns an export writes that an import reads but never writes: the lifecycle and Funnel decide them. */
    static final List<String> READ_ONLY = List.of("stage", "temperature", "leadStatus", "firstCampaignId", "lastCampaignId",
            "createdAt", "updatedAt", "lastInteractionAt");

    private static final Map<String, ImportField> BY_NAME = new HashMap<>();

    static {
        for (ImportField f : values()) {
            BY_NAME.put(normalize(f.column), f);
            for (String alias : f.aliases) {
                BY_NAME.put(normalize(alias), f);
            }
        }
    }

    /** The column's name in exports. */
    final String column;
    private final String[] aliases;

    ImportField(String column, String... aliases) {
        this.column = column;
        this.aliases = aliases;
    }

    /** The field a column of this name fills by default. */
    static Optional<ImportField> byColumnName(String name) {
        return Optional.ofNullable(BY_NAME.get(normalize(name)));
    }

    static boolean isReadOnly(String name) {
        String n = normalize(name);
        return READ_ONLY.stream().anyMatch(r -> normalize(r).equals(n));
    }

    /** "E-mail ", "e_mail" and "Émail" all read "email". */
    static String normalize(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
