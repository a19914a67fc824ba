package dev.funnel.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.funnel.common.AfterCommit;
import dev.funnel.common.Cursor;
import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.InvalidTransitionException;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.common.VersionConflictException;
import dev.funnel.event.EventType;
import dev.funnel.event.EventsConfig;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamScopedQuery;
import dev.funnel.team.Team;
import dev.funnel.team.TeamService;

/** A team's webhook endpoints and their deliveries (README, "Events and webhooks"). */
@ApplicationScoped
public class WebhookService {

    private final Caller caller;
    private final TeamService teams;
    private final InputValidator validator;
    private final EventsConfig config;
    private final EntityManager em;
    private final WebhookDispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;

    public WebhookService(Caller caller, TeamService teams, InputValidator validator, EventsConfig config,
            EntityManager em, WebhookDispatcher dispatcher, TransactionSynchronizationRegistry transactions) {
        this.caller = caller;
        this.teams = teams;
        this.validator = validator;
        this.config = config;
        this.em = em;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
    }

    @Transactional
    public CreateWebhookEndpointPayload create(CreateWebhookEndpointInput input) {
        InputValidator.noNulls("input.eventTypes", input.eventTypes());
        validator.check("input", input);
        Team team = teams.forNewRecord(input.team(), "input.team");
        WebhookEndpoint w = new WebhookEndpoint();
        w.teamId = team.id;
        w.url = destination(input.url());
        w.eventTypes = types(input.eventTypes());
        w.description = blankToNull(input.description());
        w.secret = Signatures.newSecret();
        w.enabled = true;
        w.createdAt = w.updatedAt = Times.now();
        w.persist();
        return new CreateWebhookEndpointPayload(view(w), w.secret);
    }

    @Transactional
    public WebhookEndpointView update(UpdateWebhookEndpointInput input) {
        InputValidator.noNulls("input.eventTypes", input.eventTypes());
        validator.check("input", input);
        WebhookEndpoint w = require(input.id());
        if (input.expectedVersion() != null && input.expectedVersion() != w.version) {
            throw new VersionConflictException("WebhookEndpoint", input.expectedVersion(), w.version);
        }
        if (input.url() != null) {
            w.url = destination(input.url());
        }
        if (input.eventTypes() != null) {
            w.eventTypes = types(input.eventTypes());
        }
        if (input.description() != null) {
            w.description = blankToNull(input.description());
        }
        OffsetDateTime now = Times.now();
        if (Boolean.TRUE.equals(input.enabled()) && !w.enabled) {
            w.enabled = true;
            w.disabledReason = null;
            w.disabledAt = null;
            w.failingSince = null;
        } else if (Boolean.FALSE.equals(input.enabled()) && w.enabled) {
            w.enabled = false;
            w.disabledReason = "Disabled by " + caller.actor();
            w.disabledAt = now;
            em.createNativeQuery("update webhook_delivery set status = 'FAILED', next_attempt_at = null,"
                    + " last_error = 'The endpoint was disabled' where endpoint_id = ?1 and status = 'PENDING'")
                    .setParameter(1, w.id).executeUpdate();
        }
        w.updatedAt = now;
        em.flush();
        return view(w);
    }

    @Transactional
    public CreateWebhookEndpointPayload rotate(String id) {
        WebhookEndpoint w = require(id);
        OffsetDateTime now = Times.now();
        w.previousSecret = w.secret;
        w.previousSecretUntil = now.plus(config.webhooks().rotationOverlap());
        w.secret = Signatures.newSecret();
        w.updatedAt = now;
        em.flush();
        return new CreateWebhookEndpointPayload(view(w), w.secret);
    }

    @Transactional
    public RedeliverEventsPayload redeliver(RedeliverEventsInput input) {
        if ((input.eventId() == null) == (input.failedSince() == null)) {
            throw new ValidationException("input", "input needs exactly one of eventId and failedSince");
        }
        WebhookEndpoint w = require(input.endpointId());
        if (!w.enabled) {
            throw new InvalidTransitionException("The endpoint is disabled; enable it first (updateWebhookEndpoint)");
        }
        int scheduled;
        if (input.eventId() != null) {
            Long eventId = Ids.decode("Event", input.eventId());
            // the event must be one of the endpoint's team, still in the log, and numbered
            scheduled = eventId == null ? 0 : em.createNativeQuery("insert into webhook_delivery"
                    + " (team_id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)"
                    + " select e.team_id, ?1, e.id, 'PENDING', 0, now(), now() from event e"
                    + " where e.id = ?2 and e.team_id = ?3 and e.position is not null"
                    + " on conflict (endpoint_id, event_id) do update set status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = now(), claim_token = null, claimed_until = null, last_error = null, delivered_at = null"
                    + " where webhook_delivery.status <> 'PENDING'")
                    .setParameter(1, w.id).setParameter(2, eventId).setParameter(3, w.teamId).executeUpdate();
            if (scheduled == 0 && em.createNativeQuery("select 1 from event where id = ?1 and team_id = ?2"
                    + " and position is not null").setParameter(1, eventId == null ? -1L : eventId)
                    .setParameter(2, w.teamId).getResultList().isEmpty()) {
                throw new NotFoundException("event", input.eventId());
            }
        } else {
            scheduled = em.createNativeQuery("update webhook_delivery d set status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = now(), claim_token = null, claimed_until = null, last_error = null"
                    + " from event e where e.id = d.event_id and d.endpoint_id = ?1 and d.status = 'FAILED'"
                    + " and e.occurred_at >= ?2")
                    .setParameter(1, w.id).setParameter(2, input.failedSince()).executeUpdate();
        }
        // once committed: a cycle started before would find the deliveries still locked, and skip them
        AfterCommit.run(transactions, dispatcher::scheduled);
        return new RedeliverEventsPayload(view(w), scheduled);
    }

    // ------------------------------------------------------------------ reads

    public WebhookEndpointConnection list(String team, PageRequest page) {
        return WebhookEndpointConnection.of(TeamScopedQuery.of(WebhookEndpoint.class, caller).inTeam(team)
                .newestFirst(page).map(this::view));
    }

    /** One endpoint's deliveries, newest first, with their events: one statement for the page, one for the count. */
    public WebhookDeliveryConnection deliveries(WebhookEndpointView endpoint, WebhookDeliveryStatus status,
            PageRequest page) {
        String where = " from webhook_delivery d join event e on e.id = d.event_id where d.endpoint_id = ?1 and "
                + caller.teamFilter().on("d.team_id") + (status == null ? "" : " and d.status = '" + status.name() + "'");
        long total = ((Number) caller.teamFilter().bind(em.createNativeQuery("select count(*)" + where))
                .setParameter(1, endpoint.dbId()).getSingleResult()).longValue();
        if (page.size() == 0) {
            return WebhookDeliveryConnection.of(Page.empty(page, total));
        }
        Cursor from = page.from();
        String keyset = from == null ? "" : page.backward() ? " and d.id > " + from.id() : " and d.id < " + from.id();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = caller.teamFilter().bind(em.createNativeQuery("select d.id, d.status, d.attempts,"
                + " d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_response, d.last_error, d.delivered_at,"
                + " d.created_at, e.id as event_id, e.type, e.subject_id, e.seq, e.position, e.occurred_at, e.actor,"
                + " e.version, e.payload::text" + where + keyset + " order by d.id " + (page.backward() ? "asc" : "desc")))
                .setParameter(1, endpoint.dbId()).setMaxResults(page.limit()).getResultList();
        List<WebhookDeliveryConnection.Row> items = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            items.add(new WebhookDeliveryConnection.Row(id, new WebhookDeliveryView(Ids.encode("WebhookDelivery", id),
                    dev.funnel.event.EventView.of(((Number) r[10]).longValue(), (String) r[11], endpoint.team(),
                            (String) r[12], ((Number) r[13]).longValue(), ((Number) r[14]).longValue(), time(r[15]),
                            (String) r[16], ((Number) r[17]).intValue(), (String) r[18]),
                    WebhookDeliveryStatus.valueOf((String) r[1]), ((Number) r[2]).intValue(), time(r[3]), time(r[4]),
                    r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6], (String) r[7], time(r[8]), time(r[9]))));
        }
        return WebhookDeliveryConnection.of(Page.of(items, page, total));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return Times.utc(t);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private WebhookEndpoint require(String id) {
        return TeamScopedQuery.of(WebhookEndpoint.class, caller).byId("WebhookEndpoint", id)
                .orElseThrow(() -> new NotFoundException("webhook endpoint", id));
    }

    private WebhookEndpointView view(WebhookEndpoint w) {
        Map<Long, String> codes = caller.teams().stream().collect(Collectors.toMap(t -> t.id, t -> t.code));
        return WebhookEndpointView.of(w, codes.get(w.teamId));
    }

    private String destination(String url) {
        String u = url.strip();
        Destinations.malformed(u).ifPresent(why -> {
            throw new ValidationException("input.url", "input.url " + why);
        });
        if (!config.webhooks().allowPrivateDestinations()) {
            Destinations.refused(u).ifPresent(why -> {
                throw new ValidationException("input.url", "input.url: " + why);
            });
        }
        return u;
    }

    private static List<String> types(List<EventType> types) {
        return types == null || types.isEmpty() ? null : types.stream().map(EventType::wireName).distinct().sorted().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
