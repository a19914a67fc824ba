package dev.funnel.contact;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.funnel.common.Cursor;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;

/**
 * The JPQL of {@code contacts}: the caller's teams, the filter, and keyset paging on the sort
 * column then id. No OFFSET: the cursor's (value, id) becomes a WHERE clause that the
 * {@code contact_team_*_idx} indexes answer.
 */
final class ContactQuery {

    private final StringBuilder where = new StringBuilder("teamId in :teams");
    private final Map<String, Object> params = new HashMap<>();
    private final ContactOrder order;
    private final String column;

    private ContactQuery(ContactOrder order) {
        this.order = order;
        this.column = switch (order.field()) {
            case UPDATED_AT -> "updatedAt";
            case CREATED_AT -> "createdAt";
            case NAME -> "displayName";
            case LAST_INTERACTION_AT -> "lastInteractionAt";
        };
    }

    static ContactQuery of(List<Long> teamIds, Long team, ContactFilter filter, ContactOrder order) {
        ContactQuery q = new ContactQuery(order);
        q.params.put("teams", teamIds.isEmpty() ? List.of(-1L) : teamIds);
        if (team != null) {
            q.and("teamId = :team", "team", team);
        }
        if (filter != null) {
            if (filter.stages() != null && !filter.stages().isEmpty()) {
                q.and("stage in :stages", "stages", filter.stages());
            }
            if (filter.temperatures() != null && !filter.temperatures().isEmpty()) {
                q.and("temperature in :temperatures", "temperatures", filter.temperatures());
            }
            if (filter.sources() != null && !filter.sources().isEmpty()) {
                q.and("source in :sources", "sources", filter.sources());
            }
            if (filter.search() != null && !filter.search().isBlank()) {
                q.and("(lower(displayName) like :search escape '\\' or lower(email) like :search escape '\\')", "search",
                        ContactService.like(filter.search().strip()));
            }
            if (filter.updatedSince() != null) {
                q.and("updatedAt >= :since", "since", filter.updatedSince());
            }
        }
        return q;
    }

    private void and(String clause, String name, Object value) {
        where.append(" and ").append(clause);
        params.put(name, value);
    }

    Page<Contact> page(PageRequest page) {
        long total = Contact.count(where.toString(), params);
        if (page.first() == 0) {
            return Page.empty(total > 0 && page.after() == null, total);
        }
        StringBuilder jpql = new StringBuilder(where);
        Map<String, Object> pageParams = new HashMap<>(params);
        if (page.after() != null) {
            jpql.append(" and ").append(keyset(page.after(), pageParams));
        }
        String dir = order.direction() == ContactOrder.Direction.ASC ? "asc" : "desc";
        jpql.append(" order by ").append(column).append(' ').append(dir).append(" nulls last, id ").append(dir);
        List<Contact> rows = Contact.<Contact>find(jpql.toString(), pageParams).range(0, page.first()).list();
        return Page.of(rows, page.first(), total);
    }

    /** Rows strictly after the cursor in (column, id) order; rows without a value sort last. */
    private String keyset(Cursor after, Map<String, Object> p) {
        String op = order.direction() == ContactOrder.Direction.ASC ? ">" : "<";
        p.put("afterId", after.id());
        if (after.value() == null) {
            return "(" + column + " is null and id " + op + " :afterId)";
        }
        p.put("afterValue", parse(after.value()));
        return "(" + column + " " + op + " :afterValue or (" + column + " = :afterValue and id " + op + " :afterId) or "
                + column + " is null)";
    }

    private Object parse(String value) {
        if (order.field() == ContactOrder.Field.NAME) {
            return value;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw new ValidationException("after", "The cursor does not belong to a list in this order");
        }
    }

    Cursor cursorOf(Contact c) {
        Object value = switch (order.field()) {
            case UPDATED_AT -> c.updatedAt;
            case CREATED_AT -> c.createdAt;
            case NAME -> c.displayName;
            case LAST_INTERACTION_AT -> c.lastInteractionAt;
        };
        return ContactService.cursor(value, c.id);
    }
}
