package dev.funnel.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Per-team sequential numbers (quotes, invoices). The counter row is incremented in the caller's
 * transaction and stays locked until it ends: concurrent callers of one team wait their turn,
 * numbers follow commit order, and a rollback returns the number, so there is never a gap.
 */
@ApplicationScoped
public class TeamCounters {

    public static final String QUOTE = "QUOTE";
    public static final String INVOICE = "INVOICE";

    private final EntityManager em;

    public TeamCounters(EntityManager em) {
        this.em = em;
    }

    public long next(long teamId, String kind) {
        return ((Number) em.createNativeQuery("insert into team_counter (team_id, kind, last_value) values (?1, ?2, 1)"
                + " on conflict (team_id, kind) do update set last_value = team_counter.last_value + 1"
                + " returning last_value")
                .setParameter(1, teamId).setParameter(2, kind).getSingleResult()).longValue();
    }
}
