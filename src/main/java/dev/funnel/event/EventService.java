package dev.funnel.event;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.common.InputValidator;
import dev.funnel.common.Keyset;
import dev.funnel.common.PageRequest;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamScopedQuery;

/** The replay log: numbered events of the caller's teams (docs/events.md). */
@ApplicationScoped
public class EventService {

    private final Caller caller;
    private final InputValidator validator;

    public EventService(Caller caller, InputValidator validator) {
        this.caller = caller;
        this.validator = validator;
    }

    public EventConnection list(EventFilter filter, EventOrder order, PageRequest page) {
        if (filter != null) {
            InputValidator.noNulls("filter.types", filter.types());
        }
        validator.check("filter", filter);
        // an event is readable once numbered: before that its place in the log is not known
        TeamScopedQuery<OutboxEvent> query = TeamScopedQuery.of(OutboxEvent.class, caller).and("position is not null", null, null);
        if (filter != null) {
            query.inTeam(filter.team());
            if (filter.types() != null && !filter.types().isEmpty()) {
                query.and("type in :types", "types", filter.types().stream().map(EventType::wireName).distinct().toList());
            }
            if (filter.subjectId() != null) {
                query.and("subjectId = :subject", "subject", filter.subjectId());
            }
        }
        Map<Long, String> codes = caller.teams().stream().collect(Collectors.toMap(t -> t.id, t -> t.code));
        return EventConnection.of(query.page(page, Keyset.byId("position", order != EventOrder.NEWEST_FIRST))
                .map(e -> view(e, codes)));
    }

    static EventView view(OutboxEvent e, Map<Long, String> codes) {
        return EventView.of(e.id, e.type, codes.get(e.teamId), e.subjectId, e.seq, e.position, e.occurredAt, e.actor,
                e.version, e.payload);
    }
}
