package dev.funnel.interaction;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.funnel.common.Cursor;
import dev.funnel.common.InputValidator;
import dev.funnel.common.LazyCounts;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.Lifecycle;
import dev.funnel.security.Caller;

/** Records interactions and applies what they mean for the contact's stage. */
@ApplicationScoped
public class InteractionService {

    /** Clocks differ; an interaction a few minutes "in the future" is a skew, not an error. */
    private static final long FUTURE_SKEW_MINUTES = 5;

    private final Caller caller;
    private final ContactService contacts;
    private final InputValidator validator;

    public InteractionService(Caller caller, ContactService contacts, InputValidator validator) {
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
        i.persist();

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
                .setParameter(1, c.id).getSingleResult();
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

    /**
     * Newest-first interactions of several contacts at once, {@code first} per contact: one SQL
     * statement for the rows and one for the counts, whatever the number of contacts.
     */
    public Map<Long, InteractionConnection> pagesOf(List<Long> contactIds, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        Map<Long, List<Interaction>> rows = new HashMap<>();
        LazyCounts counts = new LazyCounts(() -> countsOf(contactIds));
        if (!contactIds.isEmpty() && !caller.teamIds().isEmpty()) {
            var em = Interaction.getEntityManager();
            if (page.first() > 0) {
                Cursor cursor = page.after();
                String keyset = cursor == null ? ""
                        : " and (i.occurred_at, i.id) < (cast(:afterAt as timestamptz), :afterId)";
                // per contact, only its first rows along interaction_contact_idx (not all its interactions)
                Query q = em.createNativeQuery("select i.* from contact c cross join lateral (select i.id, i.team_id,"
                        + " i.contact_id, i.channel, i.direction, i.occurred_at, i.summary, i.author, i.created_at"
                        + " from interaction i where i.contact_id = c.id and i.team_id in (:teams)" + keyset
                        + " order by i.occurred_at desc, i.id desc limit :limit) i where c.id in (:ids)"
                        + " order by i.contact_id, i.occurred_at desc, i.id desc", Interaction.class)
                        .setParameter("ids", contactIds).setParameter("teams", caller.teamIds())
                        .setParameter("limit", page.first() + 1);
                if (cursor != null) {
                    try {
                        q.setParameter("afterAt", OffsetDateTime.parse(cursor.value()));
                    } catch (RuntimeException e) {
                        throw new ValidationException("after", "The cursor does not belong to an interaction list");
                    }
                    q.setParameter("afterId", cursor.id());
                }
                @SuppressWarnings("unchecked")
                List<Interaction> found = q.getResultList();
                found.forEach(i -> rows.computeIfAbsent(i.contactId, k -> new ArrayList<>()).add(i));
            }
        }
        Map<Long, InteractionConnection> result = new LinkedHashMap<>();
        for (Long id : contactIds) {
            result.put(id, InteractionConnection.of(Page.of(rows.getOrDefault(id, List.of()), page.first(), counts.of(id))));
        }
        return result;
    }

    /** How many interactions each contact has: one statement. */
    private Map<Long, Long> countsOf(List<Long> contactIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!contactIds.isEmpty() && !caller.teamIds().isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Interaction.getEntityManager().createNativeQuery("select contact_id, count(*) from interaction"
                    + " where contact_id in (:ids) and team_id in (:teams) group by contact_id")
                    .setParameter("ids", contactIds).setParameter("teams", caller.teamIds()).getResultList();
            rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        }
        return counts;
    }
}
