package dev.funnel.contact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.funnel.common.Cursor;
import dev.funnel.common.Decimal;
import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.PageRequest;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.common.VersionConflictException;
import dev.funnel.event.EventType;
import dev.funnel.event.Events;
import dev.funnel.event.Payload;
import dev.funnel.security.Caller;
import dev.funnel.security.Role;
import dev.funnel.team.TeamMembers;
import dev.funnel.security.TeamFilter;
import dev.funnel.security.TeamScopedQuery;
import dev.funnel.team.Team;
import dev.funnel.team.TeamService;

/** Contacts of the caller's teams: reads, detail changes and the manual lifecycle moves. */
@ApplicationScoped
public class ContactService {

    private final Caller caller;
    private final TeamService teams;
    private final InputValidator validator;
    private final Events events;
    private final TeamMembers members;
    private final ChangeOrigin origin;

    public ContactService(Caller caller, TeamService teams, InputValidator validator, Events events, TeamMembers members,
            ChangeOrigin origin) {
        this.members = members;
        this.origin = origin;
        this.caller = caller;
        this.teams = teams;
        this.validator = validator;
        this.events = events;
    }

    // ------------------------------------------------------------------ reads

    /** The contact behind an opaque id, if it belongs to one of the caller's teams. */
    public Optional<Contact> find(String id) {
        return TeamScopedQuery.of(Contact.class, caller).byId("Contact", id);
    }

    /** The contacts behind opaque ids that belong to the caller's teams, keyed by those ids: one statement. */
    public Map<String, Contact> findAll(List<String> ids) {
        return TeamScopedQuery.of(Contact.class, caller).byIds("Contact", ids);
    }

    /** Like {@link #find(String)}, or NOT_FOUND. */
    public Contact require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("contact", id));
    }

    /** Like {@link #require(String)}, for a change by the caller, who becomes a member of the contact's team (TeamMembers). */
    private Contact requireForChange(String id) {
        Contact c = require(id);
        members.remember(c.teamId);
        return c;
    }

    /**
     * Like {@link #require(String)}, with the contact's row locked until the transaction ends, so
     * that interactions recorded at the same time on one contact apply one after the other
     * instead of failing on its version.
     */
    public Contact requireLocked(String id) {
        Contact c = requireForChange(id);
        // read under the lock: an instance the session already held could be stale
        Contact.getEntityManager().refresh(c, LockModeType.PESSIMISTIC_WRITE);
        return c;
    }

    public ContactConnection list(ContactFilter filter, ContactOrder order, PageRequest page) {
        checkFilter(filter);
        ContactOrder sort = order == null ? ContactOrder.DEFAULT
                : new ContactOrder(order.field(), order.direction() == null ? ContactOrder.Direction.DESC : order.direction());
        ContactQuery query = ContactQuery.of(caller, filter, sort);
        return ContactConnection.of(query.page(page), query::cursorOf);
    }

    /**
     * A page of the contacts of a filter (the filter of {@link #list}), oldest first, after the
     * contact {@code after} (see {@link #exportCursor}): what exports read (docs/imports.md). Id
     * order, which is creation order, so that contacts changed or created while an export runs
     * neither move nor repeat.
     */
    public dev.funnel.common.Page<Contact> exportPage(ContactFilter filter, Cursor after, int size) {
        checkFilter(filter);
        ContactQuery query = ContactQuery.of(caller, filter, ContactOrder.DEFAULT);
        return query.pageById(new PageRequest(size, false, after, null));
    }

    private void checkFilter(ContactFilter filter) {
        if (filter != null) {
            InputValidator.noNulls("filter.stages", filter.stages());
            InputValidator.noNulls("filter.temperatures", filter.temperatures());
            InputValidator.noNulls("filter.sources", filter.sources());
        }
        validator.check("filter", filter);
    }

    public static Cursor exportCursor(Contact c) {
        return new Cursor(null, c.id);
    }

    /** Lifecycle rule 7 (README): leads and prospects to follow up, hot first, then warm, then cold, longest waiting first. */
    public ContactConnection followUps(String team, OwnerScope owner, PageRequest page) {
        FollowUpQuery query = new FollowUpQuery(caller.teamFilter(), team == null ? null : caller.teamIdOf(team), Times.now(),
                owner, caller.subject());
        return ContactConnection.of(query.page(page), FollowUpQuery::cursorOf);
    }

    // ------------------------------------------------------------------ writes

    @Transactional
    public Contact create(CreateContactInput input) {
        InputValidator.noNulls("input.roles", input.roles());
        validator.check("input", input);
        Team team = teams.forNewRecord(input.team(), "input.team");
        OffsetDateTime now = Times.now();
        Contact c = newContact(input, team, now);
        c.externalId = externalId(c.externalId, team.id, null, "input.externalId");
        c.organizationId = organization(input.organizationId(), team.id, null);
        members.remember(team.id);
        if (input.campaignId() != null) {
            // set before the insert, so that contact.created names it; the touch is recorded below
            c.firstCampaignId = c.lastCampaignId = campaignOf(c, input.campaignId());
        }
        persistUnique(c, "input.externalId");
        events.emit(c.teamId, EventType.CONTACT_CREATED, Ids.encode("Contact", c.id),
                Payload.of().put("contact", details(c)).build());
        if (c.firstCampaignId != null) {
            attribute(c, c.firstCampaignId, now, null);
        }
        if (!Boolean.FALSE.equals(input.inFunnel())) {
            record(c, Lifecycle.enterFunnel(null), now);
            advance(c, team, now);
        }
        return c;
    }

    /** A new contact of the team as createContact makes it, before it is written and enters the funnel. */
    private Contact newContact(CreateContactInput input, Team team, OffsetDateTime now) {
        Contact c = new Contact();
        c.teamId = team.id;
        c.kind = input.kind() == null ? ContactKind.PERSON : input.kind();
        c.displayName = input.displayName().strip();
        c.email = blankToNull(input.email());
        c.externalId = blankToNull(input.externalId());
        c.phone = blankToNull(input.phone());
        c.roles = input.roles() == null ? new ArrayList<>() : new ArrayList<>(input.roles().stream().distinct().toList());
        c.source = input.source() == null ? Source.OTHER : input.source();
        c.country = input.country();
        c.region = blankToNull(input.region());
        c.sector = blankToNull(input.sector());
        c.employeeCount = input.employeeCount();
        c.annualRevenue = Decimal.valueOf(input.annualRevenue());
        c.decisionMaker = Boolean.TRUE.equals(input.decisionMaker());
        c.knownNeed = input.knownNeed();
        c.hasBudget = input.hasBudget();
        c.offerKnowledge = blankToNull(input.offerKnowledge());
        c.websiteVisits = input.websiteVisits() == null ? 0 : input.websiteVisits();
        c.welcomesProposal = input.welcomesProposal();
        c.webFormReceived = c.source == Source.WEB_FORM;
        c.quoteRequested = c.source == Source.QUOTE_REQUEST;
        c.createdAt = now;
        c.updatedAt = now;
        c.refreshTemperature();
        if (caller.subject() != null && (caller.hasRole(Role.SALES) || caller.hasRole(Role.MANAGER))) {
            // a user's new contact is theirs until assigned (docs/funnel.md, "Owners")
            c.owner = caller.subject();
        }
        return c;
    }

    /**
     * Many new contacts of one team at once (contact imports, docs/imports.md): each input goes
     * through createContact's checks and becomes the contact, the stage history and the events
     * {@link #create} would write, but the rows are written a statement per table (contacts, stage
     * changes, events: ContactBulk, Events#emitAll), not one contact after the other. For inputs without organization or campaign, whose external ids
     * no contact holds (the caller matched them). Returns, per input, the contact or the error
     * that refused it; refused inputs write nothing.
     */
    public List<Object> createAll(Team team, List<CreateContactInput> inputs) {
        OffsetDateTime now = Times.now();
        String actor = caller.actor();
        List<Object> results = new ArrayList<>();
        List<Contact> created = new ArrayList<>();
        List<Boolean> inFunnel = new ArrayList<>();
        for (CreateContactInput input : inputs) {
            if (input.organizationId() != null || input.campaignId() != null) {
                throw new IllegalArgumentException("createAll takes no organization or campaign");
            }
            try {
                InputValidator.noNulls("input.roles", input.roles());
                validator.check("input", input);
                Contact c = newContact(input, team, now);
                created.add(c);
                inFunnel.add(!Boolean.FALSE.equals(input.inFunnel()));
                results.add(c);
            } catch (dev.funnel.common.FunnelException e) {
                results.add(e);
            }
        }
        if (created.isEmpty()) {
            return results;
        }
        members.remember(team.id);
        jakarta.persistence.EntityManager em = Contact.getEntityManager();
        List<?> ids = em.createNativeQuery("select nextval(pg_get_serial_sequence('contact', 'id')) from generate_series(1, ?1)")
                .setParameter(1, created.size()).getResultList();
        List<StageChange> changes = new ArrayList<>();
        List<Events.Pending> emitted = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Contact c = created.get(i);
            c.id = ((Number) ids.get(i)).longValue();
            emitted.add(new Events.Pending(c.teamId, EventType.CONTACT_CREATED, Ids.encode("Contact", c.id),
                    Payload.of().put("contact", details(c)).build()));
            if (inFunnel.get(i)) {
                // the moves of create(): into the funnel, then rule 1
                apply(c, Lifecycle.enterFunnel(null), actor, now, changes, emitted);
                Lifecycle.afterProfileChange(c.stage, c.leadStatus, Lifecycle.qualification(c.profile(), team.criteria()))
                        .ifPresent(move -> apply(c, move, actor, now, changes, emitted));
                // as the insert and the update at flush of create() leave it
                c.version = 1;
            }
        }
        ContactBulk.insert(em, created, changes);
        events.emitAll(emitted);
        return results;
    }
    @Transactional
    public Contact update(UpdateContactInput input) {
        InputValidator.noNulls("input.roles", input.roles());
        validator.check("input", input);
        Contact c = requireForChange(input.id());
        if (c.version != input.expectedVersion()) {
            throw new VersionConflictException("Contact", input.expectedVersion(), c.version);
        }
        jakarta.json.JsonObject before = details(c);
        if (input.displayName() != null) {
            c.displayName = input.displayName().strip();
        }
        if (input.email() != null) {
            c.email = blankToNull(input.email());
        }
        if (input.phone() != null) {
            c.phone = blankToNull(input.phone());
        }
        String externalIdBefore = c.externalId;
        if (input.externalId() != null) {
            c.externalId = externalId(blankToNull(input.externalId()), c.teamId, c.id, "input.externalId");
        }
        if (input.organizationId() != null) {
            c.organizationId = organization(input.organizationId(), c.teamId, c.id);
        }
        if (input.roles() != null) {
            c.roles = new ArrayList<>(input.roles().stream().distinct().toList());
        }
        if (input.source() != null) {
            c.source = input.source();
            c.webFormReceived |= c.source == Source.WEB_FORM;
            c.quoteRequested |= c.source == Source.QUOTE_REQUEST;
        }
        if (input.country() != null) {
            c.country = input.country();
        }
        if (input.region() != null) {
            c.region = blankToNull(input.region());
        }
        if (input.sector() != null) {
            c.sector = blankToNull(input.sector());
        }
        if (input.employeeCount() != null) {
            c.employeeCount = input.employeeCount();
        }
        if (input.annualRevenue() != null) {
            c.annualRevenue = Decimal.valueOf(input.annualRevenue());
        }
        if (input.decisionMaker() != null) {
            c.decisionMaker = input.decisionMaker();
        }
        if (input.knownNeed() != null) {
            c.knownNeed = input.knownNeed();
        }
        if (input.hasBudget() != null) {
            c.hasBudget = input.hasBudget();
        }
        if (input.offerKnowledge() != null) {
            c.offerKnowledge = blankToNull(input.offerKnowledge());
        }
        if (input.websiteVisits() != null) {
            c.websiteVisits = input.websiteVisits();
        }
        if (input.welcomesProposal() != null) {
            c.welcomesProposal = input.welcomesProposal();
        }
        OffsetDateTime now = Times.now();
        c.updatedAt = now;
        c.refreshTemperature();
        if (!java.util.Objects.equals(externalIdBefore, c.externalId)) {
            persistUnique(c, "input.externalId");
        }
        updated(c, before);
        advance(c, now);
        return c;
    }

    @Transactional
    public Contact qualify(String id) {
        Contact c = requireForChange(id);
        record(c, Lifecycle.qualify(c.stage), Times.now());
        return c;
    }

    @Transactional
    public Contact addToFunnel(String id) {
        Contact c = requireForChange(id);
        OffsetDateTime now = Times.now();
        record(c, Lifecycle.enterFunnel(c.stage), now);
        advance(c, now);
        return c;
    }

    @Transactional
    public Contact disqualify(String id, DisqualificationReason reason, String note) {
        if (note != null && note.length() > 2000) {
            throw new ValidationException("note", "note must be at most 2000 characters");
        }
        Contact c = requireForChange(id);
        Lifecycle.Move move = Lifecycle.disqualify(c.stage);
        // set first, so that the stage change's event carries the reason
        c.disqualificationReason = reason;
        c.disqualificationNote = blankToNull(note);
        record(c, move, Times.now());
        return c;
    }

    @Transactional
    public Contact reopen(String id) {
        Contact c = requireForChange(id);
        record(c, Lifecycle.reopen(c.stage, c.stageBeforeDisqualification), Times.now());
        return c;
    }

    @Transactional
    public Contact setTemperature(String id, Temperature temperature) {
        Contact c = requireForChange(id);
        Lifecycle.checkTemperatureOverride(c.stage);
        jakarta.json.JsonObject before = details(c);
        c.temperatureOverride = temperature;
        c.refreshTemperature();
        c.updatedAt = Times.now();
        updated(c, before);
        return c;
    }

    /**
     * Lifecycle rule 3: a purchase (a converted quote, an accepted purchase order) makes the
     * contact a client, each intermediate step recorded. The contact's row is locked first, so
     * that a purchase and an interaction on the same contact apply one after the other. Called
     * inside the buying transaction; the quote package asks, this package decides.
     */
    public Contact purchase(long contactId, StageTrigger trigger, OffsetDateTime now) {
        return purchase(lockForPurchase(contactId), trigger, now);
    }

    /**
     * The contact a purchase is about to make a client, read and locked in one statement (a
     * conversion locks it before it takes the invoice number, so that the team's numbering waits
     * on as little as possible: InvoiceService#convert).
     */
    public Contact lockForPurchase(long contactId) {
        // read with its lock; were it already in the persistence context, its version is checked as it is locked
        return Contact.getEntityManager().find(Contact.class, contactId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** {@link #purchase(long, StageTrigger, OffsetDateTime)} for a contact {@link #lockForPurchase locked} in this transaction. */
    public Contact purchase(Contact locked, StageTrigger trigger, OffsetDateTime now) {
        for (Lifecycle.Move move : Lifecycle.purchase(locked.stage, trigger)) {
            record(locked, move, now);
        }
        return locked;
    }

    // ------------------------------------------------------------------ owners, MQL and SQL

    /** Gives contacts to a member of their team (docs/funnel.md, "Owners"): all of them, or none on any error. */
    @Transactional
    public List<Contact> assign(List<String> ids, String owner) {
        if (ids == null || ids.isEmpty() || ids.size() > 200) {
            throw new ValidationException("ids", "ids must list 1..200 contacts");
        }
        InputValidator.noNulls("ids", ids);
        if (owner == null || owner.isBlank() || owner.length() > 200) {
            throw new ValidationException("owner", "owner must be a user's token subject, 1..200 characters");
        }
        Map<String, Contact> found = findAll(ids);
        Map<Long, Boolean> memberOf = new java.util.HashMap<>();
        OffsetDateTime now = Times.now();
        List<Contact> assigned = new ArrayList<>();
        for (String id : ids) {
            Contact c = found.get(id);
            if (c == null) {
                throw new NotFoundException("contact", id);
            }
            if (!memberOf.computeIfAbsent(c.teamId, team -> {
                members.remember(team);
                return members.isMember(team, owner);
            })) {
                throw new ValidationException("owner", "owner " + owner + " is not a member of the contact's team:"
                        + " members are the sales users and managers who have worked in it (Team.members)");
            }
            if (!owner.equals(c.owner)) {
                jakarta.json.JsonObject before = details(c);
                c.owner = owner;
                c.updatedAt = now;
                updated(c, before);
            }
            assigned.add(c);
        }
        return assigned;
    }

    /** Sales accepts a marketing-qualified lead: it becomes sales-qualified (SQL), still a lead. */
    @Transactional
    public Contact acceptLead(String id) {
        Contact c = require(id);
        members.remember(c.teamId);
        record(c, Lifecycle.acceptLead(c.stage, c.leadStatus), Times.now());
        return c;
    }

    /** Sales rejects a marketing-qualified lead back to nurture, with its reason: a suspect again. */
    @Transactional
    public Contact rejectLead(String id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ValidationException("reason", "reason must be 1..2000 characters");
        }
        Contact c = require(id);
        members.remember(c.teamId);
        record(c, Lifecycle.rejectLead(c.stage, c.leadStatus), Times.now(), reason.strip());
        return c;
    }

    // ------------------------------------------------------------------ campaigns

    /**
     * A campaign of the contact's team reached it ({@code at}: now, or the time of the interaction
     * it brought): the touch is recorded, and the contact's first and last campaigns follow the
     * earliest and the latest touch. In the caller's transaction. A campaign of another team, or
     * none, is NOT_FOUND.
     */
    public Contact attribute(Contact c, String campaignId, OffsetDateTime at, Long interactionId) {
        return attribute(c, campaignOf(c, campaignId), at, interactionId);
    }

    /** The campaign of the contact's team behind an opaque id, or NOT_FOUND. */
    public long campaignOf(Contact c, String campaignId) {
        Long campaign = Ids.decode("Campaign", campaignId);
        if (campaign == null || Contact.getEntityManager().createNativeQuery("select 1 from campaign where id = ?1 and team_id = ?2")
                .setParameter(1, campaign).setParameter(2, c.teamId).getResultList().isEmpty()) {
            throw new NotFoundException("campaign", campaignId);
        }
        return campaign;
    }

    /** {@link #attribute(Contact, String, OffsetDateTime, Long)}, for a campaign known to be of the contact's team. */
    public Contact attribute(Contact c, long campaign, OffsetDateTime at, Long interactionId) {
        jakarta.persistence.EntityManager em = Contact.getEntityManager();
        em.createNativeQuery("insert into campaign_touch (team_id, contact_id, campaign_id, interaction_id, at)"
                + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, c.teamId).setParameter(2, c.id)
                .setParameter(3, campaign).setParameter(4, interactionId).setParameter(5, at).executeUpdate();
        Object[] ends = (Object[]) em.createNativeQuery("select"
                + " (select campaign_id from campaign_touch where contact_id = ?1 order by at, id limit 1),"
                + " (select campaign_id from campaign_touch where contact_id = ?1 order by at desc, id desc limit 1)")
                .setParameter(1, c.id).getSingleResult();
        Long first = ((Number) ends[0]).longValue();
        Long last = ((Number) ends[1]).longValue();
        if (!first.equals(c.firstCampaignId) || !last.equals(c.lastCampaignId)) {
            jakarta.json.JsonObject before = details(c);
            c.firstCampaignId = first;
            c.lastCampaignId = last;
            c.updatedAt = Times.now();
            updated(c, before);
        }
        return c;
    }

    /** Rule 1, automatic: after any change to what is known of a suspect, it may now qualify. */
    public void advance(Contact c, OffsetDateTime now) {
        advance(c, teams.byId(c.teamId), now);
    }

    private void advance(Contact c, Team team, OffsetDateTime now) {
        Lifecycle.afterProfileChange(c.stage, c.leadStatus, Lifecycle.qualification(c.profile(), team.criteria()))
                .ifPresent(move -> record(c, move, now));
    }

    /**
     * The one place a stage changes: applies a move the lifecycle decided, records it in the stage
     * history and emits {@code contact.stage_changed}, all in the caller's transaction. Every
     * trigger comes through here (criteria, exchange, purchase, manual moves, reopen).
     */
    public void record(Contact c, Lifecycle.Move move, OffsetDateTime now) {
        record(c, move, now, null);
    }

    /** {@link #record(Contact, Lifecycle.Move, OffsetDateTime)}, with the reason the move takes (a lead rejected to nurture). */
    public void record(Contact c, Lifecycle.Move move, OffsetDateTime now, String reason) {
        move = origin(move);
        StageChange change = c.apply(move, caller.actor(), now);
        change.reason = reason;
        change.persist();
        Events.Pending event = stageChanged(c, move, change.actor, now, reason);
        events.emit(event.teamId(), event.type(), event.subjectId(), event.data());
    }

    /** {@link #record} for {@link #createAll}: the history row and the event collected, to be written together. */
    private void apply(Contact c, Lifecycle.Move move, String actor, OffsetDateTime now, List<StageChange> changes,
            List<Events.Pending> emitted) {
        Lifecycle.Move applied = origin(move);
        changes.add(c.apply(applied, actor, now));
        emitted.add(stageChanged(c, applied, actor, now, null));
    }

    /** docs/imports.md: every stage change an import makes says so. */
    private Lifecycle.Move origin(Lifecycle.Move move) {
        return origin.importing() ? new Lifecycle.Move(move.from(), move.to(), StageTrigger.IMPORT) : move;
    }

    /** contact.stage_changed, for a move just applied to the contact (docs/events.md). */
    private static Events.Pending stageChanged(Contact c, Lifecycle.Move move, String actor, OffsetDateTime now, String reason) {
        return new Events.Pending(c.teamId, EventType.CONTACT_STAGE_CHANGED, Ids.encode("Contact", c.id), Payload.of()
                .put("contactId", Ids.encode("Contact", c.id))
                .put("from", move.from())
                .put("to", move.to())
                .put("trigger", move.trigger())
                .put("actor", actor)
                .put("at", now)
                .put("temperature", c.temperature)
                .put("disqualificationReason", move.to() == Stage.DISQUALIFIED ? c.disqualificationReason : null)
                .put("leadStatus", c.leadStatus)
                .put("owner", c.owner)
                .put("reason", reason)
                .build());
    }

    /** contact.updated, with the names of the fields that changed; nothing when none did. */
    private void updated(Contact c, jakarta.json.JsonObject before) {
        jakarta.json.JsonObject after = details(c);
        List<String> changed = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).sorted().toList();
        if (!changed.isEmpty()) {
            events.emit(c.teamId, EventType.CONTACT_UPDATED, Ids.encode("Contact", c.id),
                    Payload.of().put("contact", after).put("changed", changed).build());
        }
    }

    /** A contact's details as events carry them (docs/events.md). */
    static jakarta.json.JsonObject details(Contact c) {
        return Payload.of()
                .put("id", Ids.encode("Contact", c.id))
                .put("kind", c.kind)
                .put("displayName", c.displayName)
                .put("email", c.email)
                .put("externalId", c.externalId)
                .put("phone", c.phone)
                .put("organizationId", Ids.encode("Contact", c.organizationId))
                .put("roles", c.roles)
                .put("source", c.source)
                .put("stage", c.stage)
                .put("temperature", c.temperature)
                .put("temperatureOverride", c.temperatureOverride)
                .put("country", c.country)
                .put("region", c.region)
                .put("sector", c.sector)
                .put("employeeCount", c.employeeCount)
                // as stored (NUMERIC(19, 2)), so that 250000 and 250000.00 read as the same value
                .put("annualRevenue", c.annualRevenue == null ? null : c.annualRevenue.setScale(2, java.math.RoundingMode.HALF_UP))
                .put("decisionMaker", c.decisionMaker)
                .put("knownNeed", c.knownNeed)
                .put("hasBudget", c.hasBudget)
                .put("offerKnowledge", c.offerKnowledge)
                .put("websiteVisits", c.websiteVisits)
                .put("welcomesProposal", c.welcomesProposal)
                .put("owner", c.owner)
                .put("leadStatus", c.leadStatus)
                .put("firstCampaignId", Ids.encode("Campaign", c.firstCampaignId))
                .put("lastCampaignId", Ids.encode("Campaign", c.lastCampaignId))
                .build();
    }

    /**
     * An external id no other contact of the team holds (compared as the unique index
     * contact_team_external_id_key compares them: trimmed by btrim, lower case); null stays null.
     */
    private String externalId(String value, long teamId, Long self, String field) {
        // on the stored key, which its index holds (V11__contact_imports.sql: an expression would read every row under RLS)
        if (value != null && !Contact.getEntityManager().createNativeQuery("select 1 from contact where team_id = ?1"
                + " and external_id_key = lower(btrim(cast(?2 as text))) and id <> ?3")
                .setParameter(1, teamId).setParameter(2, value).setParameter(3, self == null ? -1L : self).getResultList().isEmpty()) {
            throw externalIdTaken(field, value);
        }
        return value;
    }

    /** Writes the contact now; the unique index decides between two changes giving one external id at the same moment. */
    private static void persistUnique(Contact c, String field) {
        try {
            if (c.id == null) {
                c.persist();
            } else {
                Contact.getEntityManager().flush();
            }
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if ("contact_team_external_id_key".equals(e.getConstraintName())) {
                throw externalIdTaken(field, c.externalId);
            }
            throw e;
        }
    }

    private static ValidationException externalIdTaken(String field, String value) {
        return new ValidationException(field, field + " '" + value + "' is already another contact's external id in this team");
    }

    private Long organization(String id, long teamId, Long self) {
        if (id == null) {
            return null;
        }
        Contact org = find(id).filter(o -> o.teamId == teamId)
                .orElseThrow(() -> new NotFoundException("contact", id));
        if (org.kind != ContactKind.ORGANIZATION || org.id.equals(self)) {
            throw new ValidationException("input.organizationId", "input.organizationId must name an organization contact");
        }
        return org.id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static String like(String search) {
        return "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static Cursor cursor(Object value, long id) {
        return new Cursor(value == null ? null : value.toString(), id);
    }

    // ------------------------------------------------------------------ batched fields: one statement per page

    /** Visible contacts by database id, in the order asked; null where one is not visible. */
    public List<Contact> byIds(List<Long> ids) {
        Map<Long, Contact> found = new HashMap<>();
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            TeamScopedQuery.of(Contact.class, caller).and("id in :ids", "ids", wanted).list(null).forEach(c -> found.put(c.id, c));
        }
        return ids.stream().map(id -> id == null ? null : found.get(id)).toList();
    }

    /** Stage histories, oldest change first, of several contacts at once. */
    public List<List<StageChangeView>> histories(List<Long> contactIds) {
        Map<Long, List<StageChangeView>> byContact = new HashMap<>();
        if (!contactIds.isEmpty()) {
            TeamScopedQuery.of(StageChange.class, caller).and("contactId in :ids", "ids", contactIds).list("at, id")
                    .forEach(sc -> byContact.computeIfAbsent(sc.contactId, k -> new ArrayList<>()).add(StageChangeView.of(sc)));
        }
        return contactIds.stream().map(id -> byContact.getOrDefault(id, List.of())).toList();
    }

    /** Rule 1 for display: each contact against its team's criteria. Teams come from the caller's, already loaded. */
    public List<QualificationView> qualifications(List<ContactView> views) {
        return views.stream().map(v -> QualificationView.of(
                Lifecycle.qualification(v.profile(), teams.byId(v.teamId()).criteria()))).toList();
    }

    /** Rule 7 for display: touches in the window (one statement for the page), held back, suggested disqualification. */
    public List<FollowUpView> followUpStatus(List<ContactView> views) {
        Map<Long, Integer> inWindow = new HashMap<>();
        List<Long> ids = views.stream().map(ContactView::dbId).toList();
        if (!ids.isEmpty()) {
            TeamFilter teams = caller.teamFilter();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = teams.bind(Contact.getEntityManager().createNativeQuery("select c.id, "
                    + FollowUpQuery.TOUCHES_IN_WINDOW + " from contact c join team t on t.id = c.team_id"
                    + " where c.id in (:ids) and " + teams.on("c.team_id")))
                    .setParameter("ids", ids).setParameter("now", Times.now()).getResultList();
            rows.forEach(r -> inWindow.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        }
        return views.stream().map(v -> {
            Lifecycle.FollowUpCaps caps = teams.byId(v.teamId()).followUpCaps();
            int touches = inWindow.getOrDefault(v.dbId(), 0);
            return new FollowUpView(v.unansweredTouches(), touches, Lifecycle.heldBack(touches, caps),
                    Lifecycle.suggestedDisqualification(v.stage(), v.unansweredTouches(), caps).orElse(null));
        }).toList();
    }
}
