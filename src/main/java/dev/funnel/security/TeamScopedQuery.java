package dev.funnel.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.funnel.common.Ids;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * JPQL over a team-owned entity, always limited to the caller's teams: the application's own line
 * of isolation (PostgreSQL's row-level security is the second). A team or contact filter naming
 * something the caller cannot see matches nothing, like an unknown one.
 */
public final class TeamScopedQuery<T> {

    private static final long NOTHING = -1L;

    private final Class<T> type;
    private final Caller caller;
    private final StringBuilder where = new StringBuilder("teamId in :teams");
    private final Map<String, Object> params = new HashMap<>();

    private TeamScopedQuery(Class<T> type, Caller caller) {
        this.type = type;
        this.caller = caller;
        List<Long> teams = caller.teamIds();
        params.put("teams", teams.isEmpty() ? List.of(NOTHING) : teams);
    }

    public static <T> TeamScopedQuery<T> of(Class<T> type, Caller caller) {
        return new TeamScopedQuery<>(type, caller);
    }

    /** Only the caller's team of that code; null leaves the query alone. */
    public TeamScopedQuery<T> inTeam(String code) {
        return code == null ? this : and("teamId = :team", "team", caller.teamIdOf(code));
    }

    /** Only the rows of the contact behind that opaque id; null leaves the query alone. */
    public TeamScopedQuery<T> ofContact(String contactId) {
        if (contactId == null) {
            return this;
        }
        Long id = Ids.decode("Contact", contactId);
        return and("contactId = :contact", "contact", id == null ? NOTHING : id);
    }

    public TeamScopedQuery<T> and(String clause, String name, Object value) {
        where.append(" and ").append(clause);
        if (name != null) {
            params.put(name, value);
        }
        return this;
    }

    /** The row behind an opaque id of {@code kind}, if it is in the caller's teams. */
    public Optional<T> byId(String kind, String opaqueId) {
        Long id = Ids.decode(kind, opaqueId);
        if (id == null) {
            return Optional.empty();
        }
        and("id = :id", "id", id);
        return query("from " + type.getSimpleName() + " where " + where).setMaxResults(1).getResultStream().findFirst();
    }

    /** A page, newest first (keyset on id), with the count of the whole list. */
    public Page<T> newestFirst(PageRequest page) {
        TypedQuery<Long> count = em().createQuery("select count(*) from " + type.getSimpleName() + " where " + where,
                Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (page.first() == 0) {
            return Page.empty(false, total);
        }
        if (page.after() != null) {
            and("id < :afterId", "afterId", page.after().id());
        }
        List<T> rows = query("from " + type.getSimpleName() + " where " + where + " order by id desc")
                .setMaxResults(page.first() + 1).getResultList();
        return Page.of(rows, page.first(), total);
    }

    private TypedQuery<T> query(String jpql) {
        TypedQuery<T> query = em().createQuery(jpql, type);
        params.forEach(query::setParameter);
        return query;
    }

    private EntityManager em() {
        return Panache.getEntityManager(type);
    }
}
