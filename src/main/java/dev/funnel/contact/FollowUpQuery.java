package dev.funnel.contact;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

import dev.funnel.common.Cursor;
import dev.funnel.common.Keyset;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;
import dev.funnel.security.TeamFilter;

/**
 * The follow-up list of the README's lifecycle rule 7 in SQL, so that it pages by keyset (both
 * ways) like every list. It mirrors {@link Lifecycle#followUpRank} (the order) and
 * {@link Lifecycle#heldBack} (the cap); LifecycleRulesTest drives both through the API to keep
 * them in step.
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

    /** Rank, then longest waiting, then id; a cursor's value holds "rank waiting". */
    private static final Keyset ORDER = Keyset.on(List.of(RANK, WAITING), "c.id", true, (argument, value, params) -> {
        String[] parts = value.split(" ", 2);
        try {
            params.put(argument + "Rank", Integer.parseInt(parts[0]));
            params.put(argument + "Waiting", OffsetDateTime.parse(parts[1]));
        } catch (RuntimeException e) {
            throw new ValidationException(argument, "The cursor does not belong to the follow-up list");
        }
        return "(:" + argument + "Rank, cast(:" + argument + "Waiting as timestamptz))";
    });

    private final TeamFilter teams;
    private final Long team;
    private final OffsetDateTime now;
    private final OwnerScope owner;
    private final String me;

    /**
     * The follow-ups of the caller's teams ({@code teams}), or of its one team {@code team} when not
     * null; of the caller's own contacts ({@code me}, its subject) or of nobody's, when {@code owner} says so.
     */
    FollowUpQuery(TeamFilter teams, Long team, OffsetDateTime now, OwnerScope owner, String me) {
        this.teams = teams;
        this.team = team;
        this.now = now;
        this.owner = owner;
        this.me = me == null ? "" : me;
    }

    Page<Contact> page(PageRequest page) {
        String from = " from contact c join team t on t.id = c.team_id"
                + " where " + teams.on("c.team_id") + (team == null ? "" : " and c.team_id = :team")
                + (owner == OwnerScope.ME ? " and c.owner = :me" : owner == OwnerScope.UNASSIGNED ? " and c.owner is null" : "")
                + " and c.stage in ('LEAD', 'PROSPECT') and " + TOUCHES_IN_WINDOW + " < t.followup_max_touches";
        Map<String, Object> params = new HashMap<>();
        params.put("team", team);
        params.put("now", now);
        params.put("me", me);
        long total = ((Number) bind(Contact.getEntityManager().createNativeQuery("select count(*)" + from), params)
                .getSingleResult()).longValue();
        if (page.size() == 0) {
            return Page.empty(page, total);
        }
        String sql = "select c.*" + from + ORDER.where(page, params) + " order by " + ORDER.orderBy(page) + " limit :limit";
        params.put("limit", page.limit());
        @SuppressWarnings("unchecked")
        List<Contact> rows = bind(Contact.getEntityManager().createNativeQuery(sql, Contact.class), params).getResultList();
        return Page.of(rows, page, total);
    }

    private Query bind(Query query, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                query.setParameter(name, value);
            }
        });
        return teams.bind(query);
    }

    static Cursor cursorOf(Contact c) {
        OffsetDateTime waiting = c.lastInteractionAt != null ? c.lastInteractionAt : c.createdAt;
        return new Cursor(Lifecycle.followUpRank(c.temperature) + " " + waiting, c.id);
    }
}
