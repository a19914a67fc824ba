package dev.funnel.contact;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;

/**
 * The follow-up list of DOMAIN.md rule 7 in SQL, so that it pages by keyset like every list.
 * It mirrors {@link Lifecycle#followUpRank} (the order) and {@link Lifecycle#heldBack} (the cap);
 * FollowUpRulesTest drives both through the API to keep them in step.
 */
final class FollowUpQuery {

    /** Unanswered outbound touches of contact {@code c} (team {@code t}) inside the team's window. */
    static final String TOUCHES_IN_WINDOW = """
            (select count(*) from interaction i
              where i.contact_id = c.id and i.direction = 'OUTBOUND' and i.channel <> 'WEBSITE_VISIT'
                and i.occurred_at > greatest(coalesce(c.last_inbound_at, cast('-infinity' as timestamptz)),
                                             cast(:now as timestamptz) - make_interval(0, 0, 0, t.followup_window_days)))""";

    private static final String RANK = "(case c.temperature when 'HOT' then 0 when 'WARM' then 1 when 'COLD' then 2 else 3 end)";
    private static final String WAITING = "coalesce(c.last_interaction_at, c.created_at)";

    private final List<Long> teamIds;
    private final OffsetDateTime now;

    FollowUpQuery(List<Long> teamIds, OffsetDateTime now) {
        this.teamIds = teamIds.isEmpty() ? List.of(-1L) : teamIds;
        this.now = now;
    }

    Page<Contact> page(PageRequest page) {
        String from = " from contact c join team t on t.id = c.team_id"
                + " where c.team_id in (:teams) and c.stage in ('LEAD', 'PROSPECT')"
                + " and " + TOUCHES_IN_WINDOW + " < t.followup_max_touches";
        Map<String, Object> params = new HashMap<>();
        params.put("teams", teamIds);
        params.put("now", now);
        long total = ((Number) bind(Contact.getEntityManager().createNativeQuery("select count(*)" + from), params)
                .getSingleResult()).longValue();
        if (page.first() == 0) {
            return Page.empty(total > 0 && page.after() == null, total);
        }
        StringBuilder sql = new StringBuilder("select c.*").append(from);
        if (page.after() != null) {
            Cursor after = page.after();
            String[] parts = after.value() == null ? new String[0] : after.value().split(" ", 2);
            if (parts.length != 2) {
                throw new ValidationException("after", "The cursor does not belong to the follow-up list");
            }
            sql.append(" and (").append(RANK).append(", ").append(WAITING)
                    .append(", c.id) > (:afterRank, cast(:afterWaiting as timestamptz), :afterId)");
            try {
                params.put("afterRank", Integer.parseInt(parts[0]));
                params.put("afterWaiting", OffsetDateTime.parse(parts[1]));
            } catch (RuntimeException e) {
                throw new ValidationException("after", "The cursor does not belong to the follow-up list");
            }
            params.put("afterId", after.id());
        }
        sql.append(" order by ").append(RANK).append(", ").append(WAITING).append(", c.id limit :limit");
        params.put("limit", page.first() + 1);
        @SuppressWarnings("unchecked")
        List<Contact> rows = bind(Contact.getEntityManager().createNativeQuery(sql.toString(), Contact.class), params)
                .getResultList();
        return Page.of(rows, page.first(), total);
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    static Cursor cursorOf(Contact c) {
        OffsetDateTime waiting = c.lastInteractionAt != null ? c.lastInteractionAt : c.createdAt;
        return new Cursor(Lifecycle.followUpRank(c.temperature) + " " + waiting, c.id);
    }
}
