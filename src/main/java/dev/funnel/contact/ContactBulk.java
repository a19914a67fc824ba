package dev.funnel.contact;

import static dev.funnel.common.ColumnInsert.text;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.funnel.common.ColumnInsert;

/**
 * Contacts and their stage histories written a statement per table ({@link ColumnInsert}), for
 * {@link ContactService#createAll}: the rows Hibernate writes for them, column for column
 * (ContactBulkTest compares this column list with Hibernate's mapping, so that a new field cannot
 * be left out). In the caller's transaction, on its connection.
 */
final class ContactBulk {

    static final List<String> CONTACT_COLUMNS = List.of("id", "team_id", "kind", "display_name", "email", "external_id", "phone",
            "organization_id", "roles", "stage", "stage_before_disqualification", "disqualification_reason", "disqualification_note",
            "temperature", "temperature_override", "source", "country", "region", "sector", "employee_count", "annual_revenue",
            "decision_maker", "known_need", "has_budget", "offer_knowledge", "website_visits", "welcomes_proposal", "quote_requested",
            "web_form_received", "first_touch_direction", "last_interaction_at", "last_inbound_at", "unanswered_touches", "owner",
            "lead_status", "first_campaign_id", "last_campaign_id", "version", "created_at", "updated_at");

    static final List<String> STAGE_CHANGE_COLUMNS = List.of("team_id", "contact_id", "from_stage", "to_stage", "trigger", "actor", "at",
            "owner", "reason");

    private ContactBulk() {
    }

    static void insert(EntityManager em, List<Contact> contacts, List<StageChange> changes) {
        em.unwrap(Session.class).doWork(connection -> {
            insertContacts(connection, contacts);
            insertChanges(connection, changes);
        });
    }

    /** The columns that are not text, with their types. */
    private static final Map<String, String> CONTACT_TYPES = Map.ofEntries(Map.entry("id", "bigint"), Map.entry("team_id", "bigint"),
            Map.entry("organization_id", "bigint"), Map.entry("roles", "varchar[]"), Map.entry("employee_count", "int"),
            Map.entry("annual_revenue", "numeric"), Map.entry("decision_maker", "boolean"), Map.entry("known_need", "boolean"),
            Map.entry("has_budget", "boolean"), Map.entry("website_visits", "int"), Map.entry("welcomes_proposal", "boolean"),
            Map.entry("quote_requested", "boolean"), Map.entry("web_form_received", "boolean"),
            Map.entry("last_interaction_at", "timestamptz"), Map.entry("last_inbound_at", "timestamptz"),
            Map.entry("unanswered_touches", "int"), Map.entry("first_campaign_id", "bigint"), Map.entry("last_campaign_id", "bigint"),
            Map.entry("version", "bigint"), Map.entry("created_at", "timestamptz"), Map.entry("updated_at", "timestamptz"));

    private static final Map<String, String> STAGE_CHANGE_TYPES = Map.of("team_id", "bigint", "contact_id", "bigint", "at", "timestamptz");

    private static void insertContacts(Connection connection, List<Contact> contacts) throws SQLException {
        List<String[]> rows = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            rows.add(new String[] { text(c.id), text(c.teamId), name(c.kind), c.displayName, c.email, c.externalId, c.phone,
                    text(c.organizationId), "{" + String.join(",", c.roles.stream().map(Enum::name).toList()) + "}", name(c.stage),
                    name(c.stageBeforeDisqualification), name(c.disqualificationReason), c.disqualificationNote, name(c.temperature),
                    name(c.temperatureOverride), name(c.source), c.country, c.region, c.sector, text(c.employeeCount),
                    c.annualRevenue == null ? null : c.annualRevenue.toPlainString(), text(c.decisionMaker), text(c.knownNeed),
                    text(c.hasBudget), c.offerKnowledge, text(c.websiteVisits), text(c.welcomesProposal), text(c.quoteRequested),
                    text(c.webFormReceived), name(c.firstTouchDirection), text(c.lastInteractionAt), text(c.lastInboundAt),
                    text(c.unansweredTouches), c.owner, name(c.leadStatus), text(c.firstCampaignId), text(c.lastCampaignId),
                    text(c.version), text(c.createdAt), text(c.updatedAt) });
        }
        ColumnInsert.insert(connection, "contact", CONTACT_COLUMNS, CONTACT_TYPES, "overriding system value", "", rows);
    }

    private static void insertChanges(Connection connection, List<StageChange> changes) throws SQLException {
        List<String[]> rows = new ArrayList<>(changes.size());
        for (StageChange c : changes) {
            rows.add(new String[] { text(c.teamId), text(c.contactId), name(c.from), name(c.to), name(c.trigger), c.actor, text(c.at),
                    c.owner, c.reason });
        }
        ColumnInsert.insert(connection, "stage_change", STAGE_CHANGE_COLUMNS, STAGE_CHANGE_TYPES, "", "", rows);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
