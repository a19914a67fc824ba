package dev.funnel.contact;

import java.time.OffsetDateTime;

import dev.funnel.common.Cursor;
import dev.funnel.common.Keyset;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamScopedQuery;

/**
 * The query of {@code contacts}: the caller's teams, the filter, and keyset paging on the sort
 * column then id, both ways. No OFFSET: a cursor's (value, id) becomes a WHERE clause that the
 * {@code contact_team_*_idx} indexes answer.
 */
final class ContactQuery {

    private final TeamScopedQuery<Contact> query;
    private final ContactOrder order;
    private final Keyset keyset;

    private ContactQuery(TeamScopedQuery<Contact> query, ContactOrder order) {
        this.query = query;
        this.order = order;
        String column = switch (order.field()) {
            case UPDATED_AT -> "updatedAt";
            case CREATED_AT -> "createdAt";
            case NAME -> "displayName";
            case LAST_INTERACTION_AT -> "lastInteractionAt";
        };
        this.keyset = Keyset.onNullable(column, "id", order.direction() == ContactOrder.Direction.ASC, (argument, value, params) -> {
            params.put(argument + "Value", parse(argument, value));
            return ":" + argument + "Value";
        });
    }

    static ContactQuery of(Caller caller, ContactFilter filter, ContactOrder order) {
        TeamScopedQuery<Contact> q = TeamScopedQuery.of(Contact.class, caller);
        if (filter != null) {
            q.inTeam(filter.team());
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
            if (filter.owner() == OwnerScope.ME) {
                // a caller without a subject owns nothing
                q.and("owner = :me", "me", caller.subject() == null ? "" : caller.subject());
            } else if (filter.owner() == OwnerScope.UNASSIGNED) {
                q.and("owner is null", null, null);
            }
            if (filter.ownedBy() != null) {
                q.and("owner = :ownedBy", "ownedBy", filter.ownedBy());
            }
        }
        return new ContactQuery(q, order);
    }

    Page<Contact> page(PageRequest page) {
        return query.page(page, keyset);
    }

    /**
     * A page in id order (creation order), whose totalCount is not known: what exports read. The
     * primary key serves it from any cursor; the keyset on (created_at, id) made each page of a
     * large team sort the team's contacts again.
     */
    Page<Contact> pageById(PageRequest page) {
        return query.pageUncounted(page, Keyset.byId("id", true));
    }

    /** The sort value a cursor (of {@code argument}) carries, as the column holds it. */
    private Object parse(String argument, String value) {
        if (order.field() == ContactOrder.Field.NAME) {
            return value;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw new ValidationException(argument, "The cursor does not belong to a list in this order");
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
