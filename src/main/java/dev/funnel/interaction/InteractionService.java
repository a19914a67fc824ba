package dev.funnel.interaction;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.Keyset;
import dev.funnel.common.LazyCounts;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.Lifecycle;
import dev.funnel.event.EventType;
import dev.funnel.event.Events;
import dev.funnel.event.Payload;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamFilter;
import dev.funnel.security.TeamScopedQuery;

/** Records interactions and applies what they mean for the contact's stage. */
@ApplicationScoped
public class InteractionService {

    /** Clocks differ; an interaction a few minutes "in the future" is a skew, not an error. */
    private static final long FUTURE_SKEW_MINUTES = 5;

    private final Caller caller;
    private final ContactService contacts;
    private final InputValidator validator;

    private final Events events;

    public InteractionService(Caller caller, ContactService contacts, InputValidator validator, Events events) {
        this.events = events;
        this.caller = caller;
        this.contacts = contacts;
        this.validator = validator;
    }

    @Transactional
    public Interaction record(RecordInteractionInput input) {
        validator.check("input", input);
        if (input.channel().inboundOnly() && input.direction() == Direction.OUTBOUND) {
            throw new ValidationException("input.direction",
                    "input.direction: a " + input.channel() + " interaction is inbound only");
        }
        OffsetDateTime now = Times.now();
        OffsetDateTime at = input.occurredAt() == null ? now : input.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (at.isAfter(now.plusMinutes(FUTURE_SKEW_MINUTES))) {
            throw new ValidationException("input.occurredAt", "input.occurredAt must not be in the future");
        }
        Contact c = contacts.requireLocked(input.contactId());
        boolean followsOutbound = Interaction.count(
                "contactId = ?1 and direction = ?2 and channel <> ?3 and occurredAt <= ?4",
                c.id, Direction.OUTBOUND, Channel.WEBSITE_VISIT, at) > 0;

        Interaction i = new Interaction();
        i.teamId = c.teamId;
        i.contactId = c.id;
        i.channel = input.channel();
        i.direction = input.direction();
        i.occurredAt = at;
        i.summary = input.summary() == null || input.summary().isBlank() ? null : input.summary().strip();
        i.author = caller.actor();
        i.createdAt = now;
        i.campaignId = input.campaignId() == null ? null : contacts.campaignOf(c, input.campaignId());
        i.persist();
        if (i.campaignId != null) {
            contacts.attribute(c, i.campaignId, at, i.id);
        }
        events.emit(i.teamId, EventType.INTERACTION_RECORDED, Ids.encode("Interaction", i.id), Payload.of()
                .put("interactionId", Ids.encode("Interaction", i.id))
                .put("contactId", Ids.encode("Contact", i.contactId))
                .put("channel", i.channel)
                .put("direction", i.direction)
                .put("occurredAt", i.occurredAt)
                .put("summary", i.summary)
                .put("author", i.author)
                .build());

        noteOnContact(c, i);
        if (i.channel.conversational()) {
            recount(c);
        }
        c.refreshTemperature();
        c.updatedAt = now;
        contacts.advance(c, now);
        Lifecycle.afterInteraction(c.stage, i.direction, i.channel, followsOutbound)
                .ifPresent(move -> contacts.record(c, move, now));
        return i;
    }

    /** What an interaction tells about the contact: when it was last touched, and interest signals. */
    private static void noteOnContact(Contact c, Interaction i) {
        if (c.lastInteractionAt == null || i.occurredAt.isAfter(c.lastInteractionAt)) {
            c.lastInteractionAt = i.occurredAt;
        }
        switch (i.channel) {
            case WEB_FORM -> c.webFormReceived = true;
            case QUOTE_REQUEST -> c.quoteRequested = true;
            case WEBSITE_VISIT -> c.websiteVisits++;
            default -> { }
        }
    }

    /**
     * Who spoke first, the last answer and the outbound touches since that answer, from the
     * contact's conversational interactions in the order they happened (not the order they were
     * recorded: a call logged late still counts where it belongs). One statement.
     */
    private static void recount(Contact c) {
        Object[] row = (Object[]) Interaction.getEntityManager().createNativeQuery("""
                with touch as (select direction, occurred_at, id from interaction
                               where contact_id = ?1 and channel <> 'WEBSITE_VISIT'),
                     answer as (select max(occurred_at) as at from touch where direction = 'INBOUND')
                select (select direction from touch order by occurred_at, id limit 1),
                       (select at from answer),
                       (select count(*) from touch where direction = 'OUTBOUND'
                          and occurred_at > coalesce((select at from answer), cast('-infinity' as timestamptz)))""")
                .setParameter(1, c.id)
                // it reads interactions only: no need to flush the contact's pending changes first, which
                // would write its row twice in one recordInteraction (once here, once at the commit)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedEntityClass(Interaction.class)
                .getSingleResult();
        c.firstTouchDirection = row[0] == null ? null : Direction.valueOf((String) row[0]);
        c.lastInboundAt = toOffset(row[1]);
        c.unansweredTouches = ((Number) row[2]).intValue();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    /** The interaction behind an opaque id, if it belongs to one of the caller's teams. */
    public Optional<Interaction> find(String id) {
        return TeamScopedQuery.of(Interaction.class, caller).byId("Interaction", id);
    }

    /** The interactions behind opaque ids that belong to the caller's teams, keyed by those ids: one statement. */
    public Map<String, Interaction> findAll(List<String> ids) {
        return TeamScopedQuery.of(Interaction.class, caller).byIds("Interaction", ids);
    }

    /** Newest first: when it took place, then the last recorded first among those at one instant. */
    private static final Keyset NEWEST_FIRST = Keyset.on(List.of("i.occurred_at"), "i.id", false, (argument, value, params) -> {
        try {
            params.put(argument + "At", OffsetDateTime.parse(value));
        } catch (RuntimeException e) {
            throw new ValidationException(argument, "The cursor does not belong to an interaction list");
        }
        return "cast(:" + argument + "At as timestamptz)";
    });

    /**
     * Newest-first interactions of several contacts at once, a page per contact (either way): one
     * SQL statement for the rows and one for the counts, whatever the number of contacts.
     */
    public Map<Long, InteractionConnection> pagesOf(List<Long> contactIds, PageRequest page) {
        Map<Long, List<Interaction>> rows = new HashMap<>();
        LazyCounts counts = new LazyCounts(() -> countsOf(contactIds));
        if (!contactIds.isEmpty() && page.size() > 0) {
            Map<String, Object> params = new HashMap<>();
            String keyset = NEWEST_FIRST.where(page, params);
            // per contact, only its first rows along interaction_contact_idx (not all its interactions)
            TeamFilter teams = caller.teamFilter();
            Query q = teams.bind(Interaction.getEntityManager().createNativeQuery("select i.* from contact c cross join lateral"
                    + " (select i.id, i.team_id, i.contact_id, i.channel, i.direction, i.occurred_at, i.summary, i.author,"
                    + " i.created_at, i.campaign_id from interaction i where i.contact_id = c.id and " + teams.on("i.team_id") + keyset
                    + " order by " + NEWEST_FIRST.orderBy(page) + " limit :limit) i where c.id in (:ids)"
                    + " order by i.contact_id, " + NEWEST_FIRST.orderBy(page), Interaction.class))
                    .setParameter("ids", contactIds).setParameter("limit", page.limit());
            params.forEach(q::setParameter);
            @SuppressWarnings("unchecked")
            List<Interaction> found = q.getResultList();
            found.forEach(i -> rows.computeIfAbsent(i.contactId, k -> new ArrayList<>()).add(i));
        }
        Map<Long, InteractionConnection> result = new LinkedHashMap<>();
        for (Long id : contactIds) {
            result.put(id, InteractionConnection.of(Page.of(rows.getOrDefault(id, List.of()), page, counts.of(id))));
        }
        return result;
    }

    /** How many interactions each contact has: one statement. */
    private Map<Long, Long> countsOf(List<Long> contactIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!contactIds.isEmpty()) {
            TeamFilter teams = caller.teamFilter();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = teams.bind(Interaction.getEntityManager().createNativeQuery("select contact_id, count(*)"
                    + " from interaction where contact_id in (:ids) and " + teams.on("team_id") + " group by contact_id"))
                    .setParameter("ids", contactIds).getResultList();
            rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        }
        return counts;
    }
}
