package dev.funnel.contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Contacts and their stage histories written in batched statements, for
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

    private static String insert(String table, List<String> columns, String overriding) {
        return "insert into " + table + " (" + String.join(", ", columns) + ")" + overriding + " values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    private static void insertContacts(Connection connection, List<Contact> contacts) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(insert("contact", CONTACT_COLUMNS, " overriding system value"))) {
            for (Contact c : contacts) {
                int i = 0;
                s.setLong(++i, c.id);
                s.setLong(++i, c.teamId);
                s.setString(++i, name(c.kind));
                s.setString(++i, c.displayName);
                s.setString(++i, c.email);
                s.setString(++i, c.externalId);
                s.setString(++i, c.phone);
                s.setObject(++i, c.organizationId, Types.BIGINT);
                s.setArray(++i, connection.createArrayOf("varchar", c.roles.stream().map(Enum::name).toArray()));
                s.setString(++i, name(c.stage));
                s.setString(++i, name(c.stageBeforeDisqualification));
                s.setString(++i, name(c.disqualificationReason));
                s.setString(++i, c.disqualificationNote);
                s.setString(++i, name(c.temperature));
                s.setString(++i, name(c.temperatureOverride));
                s.setString(++i, name(c.source));
                s.setString(++i, c.country);
                s.setString(++i, c.region);
                s.setString(++i, c.sector);
                s.setObject(++i, c.employeeCount, Types.INTEGER);
                s.setBigDecimal(++i, c.annualRevenue);
                s.setBoolean(++i, c.decisionMaker);
                s.setObject(++i, c.knownNeed, Types.BOOLEAN);
                s.setObject(++i, c.hasBudget, Types.BOOLEAN);
                s.setString(++i, c.offerKnowledge);
                s.setInt(++i, c.websiteVisits);
                s.setObject(++i, c.welcomesProposal, Types.BOOLEAN);
                s.setBoolean(++i, c.quoteRequested);
                s.setBoolean(++i, c.webFormReceived);
                s.setString(++i, name(c.firstTouchDirection));
                s.setObject(++i, c.lastInteractionAt);
                s.setObject(++i, c.lastInboundAt);
                s.setInt(++i, c.unansweredTouches);
                s.setString(++i, c.owner);
                s.setString(++i, name(c.leadStatus));
                s.setObject(++i, c.firstCampaignId, Types.BIGINT);
                s.setObject(++i, c.lastCampaignId, Types.BIGINT);
                s.setLong(++i, c.version);
                s.setObject(++i, c.createdAt);
                s.setObject(++i, c.updatedAt);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertChanges(Connection connection, List<StageChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(insert("stage_change", STAGE_CHANGE_COLUMNS, ""))) {
            for (StageChange c : changes) {
                int i = 0;
                s.setLong(++i, c.teamId);
                s.setLong(++i, c.contactId);
                s.setString(++i, name(c.from));
                s.setString(++i, name(c.to));
                s.setString(++i, name(c.trigger));
                s.setString(++i, c.actor);
                s.setObject(++i, c.at);
                s.setString(++i, c.owner);
                s.setString(++i, c.reason);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
