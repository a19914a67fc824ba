package dev.funnel.imports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.common.Decimal;
import dev.funnel.common.ErrorCode;
import dev.funnel.common.FunnelException;
import dev.funnel.common.Ids;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactKind;
import dev.funnel.contact.ContactRole;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.CreateContactInput;
import dev.funnel.contact.Source;
import dev.funnel.contact.UpdateContactInput;
import dev.funnel.team.Team;

/**
 * One batch of rows of a contact import, in the caller's transaction (docs/imports.md, "Rows"):
 * each row is matched on the upsert key within the team, then goes through
 * {@link ContactService#create} or {@link ContactService#update}, the rules of createContact and
 * updateContact, the lifecycle and the events included. A row that changes nothing writes
 * nothing. A row that breaks a rule throws {@link RowFailedException}.
 */
@ApplicationScoped
public class ContactRows {

    private final ContactService contacts;

    public ContactRows(ContactService contacts) {
        this.contacts = contacts;
    }

    /** A row's outcome, as the report gives it. */
    record Outcome(int line, ImportRowResult result, String code, String field, String message, Long contactId) {

        static Outcome failed(int line, String code, String field, String message) {
            return new Outcome(line, ImportRowResult.FAILED, code, field, message, null);
        }
    }

    /** A row of the batch, with the line of an earlier row of the same key (null when it is the first). */
    record Row(int line, List<String> fields, Integer duplicateOf) {
    }

    /** A row that breaks a rule; the batch it was in is rolled back and replayed row by row. */
    static final class RowFailedException extends RuntimeException {

        final Outcome outcome;

        RowFailedException(Outcome outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Imports the rows of one batch; the contacts they match are found in one statement, and the
     * new contacts are written together ({@link ContactService#createAll}). A row refused before
     * anything is written for it (a bad cell, an empty key, a rule of createContact) is FAILED at
     * once; a row refused by a change under way throws {@link RowFailedException}.
     */
    List<Outcome> importBatch(Team team, ColumnMapping mapping, ImportUpsertKey key, List<Row> rows) {
        Map<String, List<Long>> matches = matches(team.id, mapping, key, rows);
        List<Long> matched = matches.values().stream().filter(ids -> ids.size() == 1).map(ids -> ids.get(0)).toList();
        if (!matched.isEmpty()) {
            // into the session: each row's findById below reads no more
            Contact.list("teamId = ?1 and id in ?2", team.id, matched);
        }
        Outcome[] outcomes = new Outcome[rows.size()];
        List<Integer> bulk = new ArrayList<>();
        List<CreateContactInput> inputs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Plan plan = plan(team, mapping, key, row, matches);
            if (plan.outcome() != null) {
                outcomes[i] = plan.outcome();
            } else if (plan.bulk() != null) {
                bulk.add(i);
                inputs.add(plan.bulk());
            } else {
                outcomes[i] = write(team, mapping, row, plan);
            }
        }
        if (!inputs.isEmpty()) {
            List<Object> created = contacts.createAll(team, inputs);
            for (int j = 0; j < bulk.size(); j++) {
                int line = rows.get(bulk.get(j)).line();
                outcomes[bulk.get(j)] = created.get(j) instanceof Contact c
                        ? new Outcome(line, ImportRowResult.CREATED, null, null, null, c.id)
                        : refused(mapping, line, (FunnelException) created.get(j));
            }
        }
        return List.of(outcomes);
    }

    /** What to do with a row: its outcome already, a contact to create with the others, or a change of its own. */
    private record Plan(Outcome outcome, CreateContactInput bulk, CreateContactInput create, Contact update, Values values) {
    }

    private Plan plan(Team team, ColumnMapping mapping, ImportUpsertKey key, Row row, Map<String, List<Long>> matches) {
        String keyColumn = mapping.columnName(key.field);
        if (row.duplicateOf() != null) {
            return done(new Outcome(row.line(), ImportRowResult.SKIPPED, "DUPLICATE", keyColumn,
                    "Same " + keyColumn + " as line " + row.duplicateOf() + ", which was imported instead", null));
        }
        String keyValue = mapping.value(row.fields(), key.field);
        if (keyValue == null) {
            return done(Outcome.failed(row.line(), ErrorCode.VALIDATION.name(), keyColumn, "The upsert key column " + keyColumn
                    + " is empty: every row needs one, so that importing the file again finds its contact"));
        }
        for (int i = mapping.width(); i < row.fields().size(); i++) {
            if (!row.fields().get(i).isBlank()) {
                return done(Outcome.failed(row.line(), ErrorCode.VALIDATION.name(), null, "The row has " + row.fields().size()
                        + " fields and the header " + mapping.width() + " columns: a delimiter inside a field that is not quoted?"));
            }
        }
        List<Long> found = matches.getOrDefault(keyValue, List.of());
        if (found.size() > 1) {
            return done(Outcome.failed(row.line(), ErrorCode.VALIDATION.name(), keyColumn, found.size() + " contacts of the team have this "
                    + keyColumn + ": match on another key, or merge them first"));
        }
        if (found.isEmpty() && key == ImportUpsertKey.ID) {
            return done(Outcome.failed(row.line(), ErrorCode.NOT_FOUND.name(), keyColumn, "No contact of the team has the id " + keyValue));
        }
        Values v = new Values(mapping, row);
        try {
            if (!found.isEmpty()) {
                Contact c = Contact.findById(found.get(0));
                v.check();
                return new Plan(null, null, null, c, v);
            }
            CreateContactInput input = v.createInput(team.code);
            // a new contact that needs nothing looked up (its external id is new when it is the key) is written with the batch
            boolean alone = input.organizationId() == null && input.campaignId() == null && v.text(ImportField.OWNER) == null
                    && (input.externalId() == null || key == ImportUpsertKey.EXTERNAL_ID);
            return alone ? new Plan(null, input, null, null, v) : new Plan(null, null, input, null, v);
        } catch (FunnelException e) {
            return done(refused(mapping, row.line(), e));
        }
    }

    private static Plan done(Outcome outcome) {
        return new Plan(outcome, null, null, null, null);
    }

    private static Outcome refused(ColumnMapping mapping, int line, FunnelException e) {
        return Outcome.failed(line, e.code().name(), e instanceof ValidationException ve ? column(mapping, ve.field()) : null, e.getMessage());
    }

    /** A row's own change: created or updated through ContactService, one row at a time. */
    private Outcome write(Team team, ColumnMapping mapping, Row row, Plan plan) {
        try {
            if (plan.create() != null) {
                Contact c = contacts.create(plan.create());
                String owner = plan.values().text(ImportField.OWNER);
                if (owner != null && !owner.equals(c.owner)) {
                    contacts.assign(List.of(Ids.encode("Contact", c.id)), owner);
                }
                return new Outcome(row.line(), ImportRowResult.CREATED, null, null, null, c.id);
            }
            boolean changed = update(plan.update(), plan.values());
            return new Outcome(row.line(), changed ? ImportRowResult.UPDATED : ImportRowResult.UNCHANGED, null, null, null, plan.update().id);
        } catch (FunnelException e) {
            throw new RowFailedException(refused(mapping, row.line(), e));
        }
    }

    /** Applies the row's values that differ from the contact's; false when none does (nothing written). */
    private boolean update(Contact c, Values v) {
        ContactKind kind = v.kind();
        if (kind != null && kind != c.kind) {
            throw new ValidationException("input.kind", "kind is " + c.kind + " and cannot change");
        }
        String displayName = differs(v.displayName(), c.displayName);
        String email = v.text(ImportField.EMAIL) != null && !v.text(ImportField.EMAIL).equalsIgnoreCase(Objects.toString(c.email, ""))
                ? v.text(ImportField.EMAIL) : null;
        String externalId = v.text(ImportField.EXTERNAL_ID) != null
                && !v.text(ImportField.EXTERNAL_ID).equalsIgnoreCase(Objects.toString(c.externalId, "")) ? v.text(ImportField.EXTERNAL_ID) : null;
        String phone = differs(v.text(ImportField.PHONE), c.phone);
        String organization = v.text(ImportField.ORGANIZATION_ID) != null
                && !Objects.equals(Ids.decode("Contact", v.text(ImportField.ORGANIZATION_ID)), c.organizationId)
                        ? v.text(ImportField.ORGANIZATION_ID) : null;
        List<ContactRole> roles = v.roles() != null && !new HashSet<>(v.roles()).equals(new HashSet<>(c.roles)) ? v.roles() : null;
        Source source = v.source() != null && v.source() != c.source ? v.source() : null;
        String country = differs(v.country(), c.country);
        String region = differs(v.text(ImportField.REGION), c.region);
        String sector = differs(v.text(ImportField.SECTOR), c.sector);
        Integer employees = v.integer(ImportField.EMPLOYEE_COUNT);
        employees = employees != null && !employees.equals(c.employeeCount) ? employees : null;
        Decimal revenue = v.decimal(ImportField.ANNUAL_REVENUE);
        revenue = revenue != null && (c.annualRevenue == null || revenue.value().compareTo(c.annualRevenue) != 0) ? revenue : null;
        Boolean decisionMaker = differs(v.bool(ImportField.DECISION_MAKER), c.decisionMaker);
        Boolean knownNeed = differs(v.bool(ImportField.KNOWN_NEED), c.knownNeed);
        Boolean hasBudget = differs(v.bool(ImportField.HAS_BUDGET), c.hasBudget);
        String offerKnowledge = differs(v.text(ImportField.OFFER_KNOWLEDGE), c.offerKnowledge);
        Integer visits = v.integer(ImportField.WEBSITE_VISITS);
        visits = visits != null && visits != c.websiteVisits ? visits : null;
        Boolean welcomes = differs(v.bool(ImportField.WELCOMES_PROPOSAL), c.welcomesProposal);
        boolean changed = false;
        if (displayName != null || email != null || externalId != null || phone != null || organization != null || roles != null
                || source != null || country != null || region != null || sector != null || employees != null || revenue != null
                || decisionMaker != null || knownNeed != null || hasBudget != null || offerKnowledge != null || visits != null
                || welcomes != null) {
            contacts.update(new UpdateContactInput(Ids.encode("Contact", c.id), Math.toIntExact(c.version), displayName, email,
                    externalId, phone, organization, roles, source, country, region, sector, employees, revenue, decisionMaker,
                    knownNeed, hasBudget, offerKnowledge, visits, welcomes));
            changed = true;
        }
        String owner = v.text(ImportField.OWNER);
        if (owner != null && !owner.equals(c.owner)) {
            contacts.assign(List.of(Ids.encode("Contact", c.id)), owner);
            changed = true;
        }
        String campaign = v.text(ImportField.CAMPAIGN_ID);
        if (campaign != null && !touchedBy(c, campaign)) {
            contacts.attribute(c, campaign, Times.now(), null);
            changed = true;
        }
        return changed;
    }

    /** Whether the campaign already touched the contact, so that importing the row again adds no touch. */
    private static boolean touchedBy(Contact c, String campaign) {
        Long id = Ids.decode("Campaign", campaign);
        return id != null && !Contact.getEntityManager()
                .createNativeQuery("select 1 from campaign_touch where contact_id = ?1 and campaign_id = ?2 limit 1")
                .setParameter(1, c.id).setParameter(2, id).getResultList().isEmpty();
    }

    private static <T> T differs(T value, T current) {
        return value != null && !value.equals(current) ? value : null;
    }

    /** The contacts of the team the batch's keys name, by normalized key: one statement. */
    private static Map<String, List<Long>> matches(long teamId, ColumnMapping mapping, ImportUpsertKey key, List<Row> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (Row r : rows) {
            String v = mapping.value(r.fields(), key.field);
            if (v != null && r.duplicateOf() == null) {
                keys.add(v);
            }
        }
        Map<String, List<Long>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        if (key == ImportUpsertKey.ID) {
            Map<Long, String> ids = new HashMap<>();
            for (String k : keys) {
                Long id = Ids.decode("Contact", k);
                if (id != null) {
                    ids.put(id, k);
                }
            }
            if (ids.isEmpty()) {
                return found;
            }
            List<?> result = Contact.getEntityManager().createNativeQuery("select id, id from contact where team_id = ?1 and id in (?2)")
                    .setParameter(1, teamId).setParameter(2, ids.keySet()).getResultList();
            for (Object o : result) {
                long id = ((Number) ((Object[]) o)[0]).longValue();
                found.computeIfAbsent(ids.get(id), k -> new ArrayList<>()).add(id);
            }
            return found;
        }
        String column = key == ImportUpsertKey.EMAIL ? "email_key" : "external_id_key";
        // each key as sent, beside the contacts whose stored key (lower(btrim()), V11) it normalizes to. The keys are
        // normalized first, apart: a join condition calling lower() on them is not leakproof, so under row-level security
        // PostgreSQL would check it after reading every contact of the team, not in the index (and the runner keeps the
        // statistics the plan depends on up to date as an import grows the team: ImportRunner.analyze)
        String sql = "with k as materialized (select raw, lower(btrim(raw)) as key from unnest(?::text[]) as k(raw))"
                + " select k.raw, c.id from k join contact c on c.team_id = ? and c." + column + " = k.key order by c.id";
        Contact.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement s = connection.prepareStatement(sql)) {
                s.setArray(1, connection.createArrayOf("text", keys.toArray()));
                s.setLong(2, teamId);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getLong(2));
                    }
                }
            }
        });
        return found;
    }

    /** The column behind an input path of createContact or updateContact ("input.email" is the email column). */
    private static String column(ColumnMapping mapping, String path) {
        if (path == null) {
            return null;
        }
        String name = path.startsWith("input.") ? path.substring("input.".length()) : path;
        String top = name.replaceAll("[.\\[].*", "");
        for (ImportField f : ImportField.values()) {
            if (f.column.equals(top)) {
                if (f == ImportField.DISPLAY_NAME && !mapping.has(f)) {
                    return mapping.has(ImportField.LAST_NAME) ? mapping.columnName(ImportField.LAST_NAME)
                            : mapping.columnName(ImportField.FIRST_NAME);
                }
                return mapping.columnName(f);
            }
        }
        return name;
    }

    /** A row's cells, read as the fields' types; a cell that does not read is a failure of the row. */
    private static final class Values {

        private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "oui", "vrai", "x");
        private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "non", "faux");

        private final ColumnMapping mapping;
        private final Row row;

        Values(ColumnMapping mapping, Row row) {
            this.mapping = mapping;
            this.row = row;
        }

        String text(ImportField f) {
            return mapping.value(row.fields(), f);
        }

        String displayName() {
            String name = text(ImportField.DISPLAY_NAME);
            if (name != null || !mapping.has(ImportField.FIRST_NAME) && !mapping.has(ImportField.LAST_NAME)) {
                return name;
            }
            String joined = (Objects.toString(text(ImportField.FIRST_NAME), "") + " " + Objects.toString(text(ImportField.LAST_NAME), "")).strip();
            return joined.isEmpty() ? null : joined;
        }

        String country() {
            String c = text(ImportField.COUNTRY);
            return c == null ? null : c.toUpperCase(Locale.ROOT);
        }

        ContactKind kind() {
            return enumValue(ImportField.KIND, ContactKind.class);
        }

        Source source() {
            return enumValue(ImportField.SOURCE, Source.class);
        }

        List<ContactRole> roles() {
            String v = text(ImportField.ROLES);
            if (v == null) {
                return null;
            }
            Set<ContactRole> roles = EnumSet.noneOf(ContactRole.class);
            for (String part : v.split("[|,;]")) {
                if (!part.isBlank()) {
                    roles.add(parseEnum(ImportField.ROLES, part.strip(), ContactRole.class));
                }
            }
            return new ArrayList<>(roles);
        }

        Boolean bool(ImportField f) {
            String v = text(f);
            if (v == null) {
                return null;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (TRUE.contains(lower)) {
                return true;
            }
            if (FALSE.contains(lower)) {
                return false;
            }
            throw invalid(f, "'" + v + "' is not a yes/no value (true/false, yes/no, oui/non, 1/0)");
        }

        Integer integer(ImportField f) {
            String v = text(f);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v.replaceAll("[\\s\\u00A0\\u202F]", ""));
            } catch (NumberFormatException e) {
                throw invalid(f, "'" + v + "' is not a whole number");
            }
        }

        Decimal decimal(ImportField f) {
            String v = text(f);
            if (v == null) {
                return null;
            }
            String plain = v.replaceAll("[\\s\\u00A0\\u202F]", "");
            if (plain.indexOf(',') >= 0 && plain.indexOf('.') < 0) {
                plain = plain.replace(',', '.');
            }
            try {
                return Decimal.of(new BigDecimal(plain));
            } catch (NumberFormatException e) {
                throw invalid(f, "'" + v + "' is not a number");
            }
        }

        private <E extends Enum<E>> E enumValue(ImportField f, Class<E> type) {
            String v = text(f);
            return v == null ? null : parseEnum(f, v, type);
        }

        private <E extends Enum<E>> E parseEnum(ImportField f, String v, Class<E> type) {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw invalid(f, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        private ValidationException invalid(ImportField f, String message) {
            return new ValidationException("input." + f.column, mapping.columnName(f) + ": " + message);
        }

        /** Reads every mapped cell, so that one that does not read fails the row before anything is written. */
        void check() {
            kind();
            source();
            roles();
            for (ImportField f : List.of(ImportField.DECISION_MAKER, ImportField.KNOWN_NEED, ImportField.HAS_BUDGET,
                    ImportField.WELCOMES_PROPOSAL)) {
                bool(f);
            }
            integer(ImportField.EMPLOYEE_COUNT);
            integer(ImportField.WEBSITE_VISITS);
            decimal(ImportField.ANNUAL_REVENUE);
        }

        CreateContactInput createInput(String team) {
            return new CreateContactInput(team, kind(), displayName(), text(ImportField.EMAIL), text(ImportField.EXTERNAL_ID),
                    text(ImportField.PHONE), text(ImportField.ORGANIZATION_ID), roles(), true, source(), country(),
                    text(ImportField.REGION), text(ImportField.SECTOR), integer(ImportField.EMPLOYEE_COUNT),
                    decimal(ImportField.ANNUAL_REVENUE), bool(ImportField.DECISION_MAKER), bool(ImportField.KNOWN_NEED),
                    bool(ImportField.HAS_BUDGET), text(ImportField.OFFER_KNOWLEDGE), integer(ImportField.WEBSITE_VISITS),
                    bool(ImportField.WELCOMES_PROPOSAL), text(ImportField.CAMPAIGN_ID));
        }
    }
}
