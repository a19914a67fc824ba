package dev.funnel.security;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

/**
 * The one way a query is limited to the caller's teams, in JPQL and SQL alike: {@link #on} writes
 * the condition on a team column, {@link #bind} (or {@link #params}) gives it the caller's team
 * ids. It is the application's own line of isolation; PostgreSQL's row-level security is the
 * second ({@link TeamScope}). A caller with no team matches nothing.
 */
public record TeamFilter(List<Long> teamIds) {

    private static final String PARAM = "teams";

    static TeamFilter of(List<Long> teamIds) {
        return new TeamFilter(teamIds.isEmpty() ? List.of(-1L) : List.copyOf(teamIds));
    }

    /** {@code column in (:teams)}, for a JPQL attribute ({@code teamId}) or an SQL column ({@code q.team_id}). */
    public String on(String column) {
        return column + " in (:" + PARAM + ")";
    }

    /** The caller's team ids, bound on a query that holds {@link #on}. */
    public <Q extends Query> Q bind(Q query) {
        query.setParameter(PARAM, teamIds);
        return query;
    }

    /** The same as a parameter map, for Panache finders. */
    public Map<String, Object> params() {
        return Map.of(PARAM, teamIds);
    }
}
