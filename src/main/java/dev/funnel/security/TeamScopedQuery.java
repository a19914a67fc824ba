package dev.funnel.security;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.funnel.common.Ids;
import dev.funnel.common.Keyset;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * JPQL over a team-owned entity, always limited to the caller's teams ({@link TeamFilter}). A team
 * or contact filter naming something the caller cannot see matches nothing, like an unknown one.
 */
public final class TeamScopedQuery<T> {

    private static final long NOTHING = -1L;

    private final Class<T> type;
    private final Caller caller;
    private final StringBuilder where;
    private final Map<String, Object> params = new HashMap<>();

    private TeamScopedQuery(Class<T> type, Caller caller) {
        this.type = type;
        this.caller = caller;
        TeamFilter teams = caller.teamFilter();
        this.where = new StringBuilder(teams.on("teamId"));
        params.putAll(teams.params());
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

    /** One more condition, with its parameter ({@code name} null when it has none). */
    public TeamScopedQuery<T> and(String clause, String name, Object value) {
        where.append(" and ").append(clause);
        if (name != null) {
            params.put(name, value);
        }
        return this;
    }

    /** The row behind an opaque id of {@code kind}, if it is in the caller's teams. */
    public Optional<T> byId(String kind, String opaqueId) {
        return Optional.ofNullable(byIds(kind, Collections.singletonList(opaqueId)).get(opaqueId));
    }

    /**
     * The rows behind opaque ids of {@code kind} that are in the caller's teams, keyed by those ids,
     * in one statement; an id that is malformed, of another kind, unknown or of another team is
     * absent.
     */
    public Map<String, T> byIds(String kind, Collection<String> opaqueIds) {
        Map<Long, String> wanted = new LinkedHashMap<>();
        for (String opaqueId : opaqueIds) {
            Long id = Ids.decode(kind, opaqueId);
            if (id != null) {
                wanted.put(id, opaqueId);
            }
        }
        Map<String, T> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            and("id in :ids", "ids", wanted.keySet());
            for (T row : list(null)) {
                found.put(wanted.get((Long) em().getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(row)), row);
            }
        }
        return found;
    }

    /** Every matching row, in {@code orderBy} (a JPQL order list; null for any order). */
    public List<T> list(String orderBy) {
        return query("from " + type.getSimpleName() + " where " + where + (orderBy == null ? "" : " order by " + orderBy),
                params).getResultList();
    }

    /** A page in {@code keyset}'s order, either way, with the count of the whole list. */
    public Page<T> page(PageRequest page, Keyset keyset) {
        TypedQuery<Long> count = em().createQuery("select count(*) from " + type.getSimpleName() + " where " + where,
                Long.class);
        params.forEach(count::setParameter);
        return page(page, keyset, count.getSingleResult());
    }

    /** A page in {@code keyset}'s order, without counting the whole list (an export reads it all anyway). */
    public Page<T> pageUncounted(PageRequest page, Keyset keyset) {
        return page(page, keyset, -1);
    }

    private Page<T> page(PageRequest page, Keyset keyset, long total) {
        if (page.size() == 0) {
            return Page.empty(page, total);
        }
        Map<String, Object> pageParams = new HashMap<>(params);
        String jpql = "from " + type.getSimpleName() + " where " + where + keyset.where(page, pageParams) + " order by "
                + keyset.orderBy(page);
        return Page.of(query(jpql, pageParams).setMaxResults(page.limit()).getResultList(), page, total);
    }

    /** A page, newest first (keyset on id), with the count of the whole list. */
    public Page<T> newestFirst(PageRequest page) {
        return page(page, Keyset.byId("id", false));
    }

    private TypedQuery<T> query(String jpql, Map<String, Object> bound) {
        TypedQuery<T> query = em().createQuery(jpql, type);
        bound.forEach(query::setParameter);
        return query;
    }

    private EntityManager em() {
        return Panache.getEntityManager(type);
    }
}
