package dev.funnel.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.Money;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.PageRequest;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactService;
import dev.funnel.interaction.Interaction;
import dev.funnel.interaction.InteractionService;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamScopedQuery;
import dev.funnel.team.Team;
import dev.funnel.team.TeamService;

/** Campaigns, their costs, and which contacts they reached (docs/funnel.md, "Campaigns"). */
@ApplicationScoped
public class CampaignService {

    private final Caller caller;
    private final TeamService teams;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final InputValidator validator;

    public CampaignService(Caller caller, TeamService teams, ContactService contacts, InteractionService interactions,
            InputValidator validator) {
        this.caller = caller;
        this.teams = teams;
        this.contacts = contacts;
        this.interactions = interactions;
        this.validator = validator;
    }

    // ------------------------------------------------------------------ reads

    public Optional<Campaign> find(String id) {
        return TeamScopedQuery.of(Campaign.class, caller).byId("Campaign", id);
    }

    public Map<String, Campaign> findAll(List<String> ids) {
        return TeamScopedQuery.of(Campaign.class, caller).byIds("Campaign", ids);
    }

    public Campaign require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    /** The campaigns behind database ids (null for null or invisible), in order: one statement. */
    public List<Campaign> byDbIds(List<Long> ids) {
        List<String> opaque = ids.stream().map(id -> id == null ? null : Ids.encode("Campaign", id)).toList();
        Map<String, Campaign> found = findAll(opaque.stream().filter(java.util.Objects::nonNull).distinct().toList());
        return opaque.stream().map(id -> id == null ? null : found.get(id)).toList();
    }

    public CampaignConnection list(CampaignFilter filter, PageRequest page) {
        if (filter != null) {
            InputValidator.noNulls("filter.channels", filter.channels());
        }
        validator.check("filter", filter);
        TeamScopedQuery<Campaign> q = TeamScopedQuery.of(Campaign.class, caller);
        if (filter != null) {
            q.inTeam(filter.team());
            if (filter.channels() != null && !filter.channels().isEmpty()) {
                q.and("channel in :channels", "channels", filter.channels());
            }
            if (filter.search() != null && !filter.search().isBlank()) {
                q.and("lower(name) like :search escape '\\'", "search", ContactService.like(filter.search().strip()));
            }
        }
        return CampaignConnection.of(q.newestFirst(page).map(CampaignView::of));
    }

    /** Each campaign's cost lines, oldest first: one statement. */
    public Map<Long, List<CampaignCost>> costsOf(List<Long> campaignIds) {
        Map<Long, List<CampaignCost>> costs = new HashMap<>();
        if (!campaignIds.isEmpty()) {
            TeamScopedQuery.of(CampaignCost.class, caller).and("campaignId in :ids", "ids", campaignIds).list("incurredOn, id")
                    .forEach(c -> costs.computeIfAbsent(c.campaignId, k -> new ArrayList<>()).add(c));
        }
        return costs;
    }

    // ------------------------------------------------------------------ writes

    @Transactional
    public Campaign create(CreateCampaignInput input) {
        validator.check("input", input);
        Team team = teams.forNewRecord(input.team(), "input.team");
        Currency currency = Money.currency(input.currency(), "input.currency");
        if (input.endsOn() != null && input.endsOn().isBefore(input.startsOn())) {
            throw new ValidationException("input.endsOn", "input.endsOn must be on or after input.startsOn");
        }
        BigDecimal budget = input.budget() == null ? null : input.budget().value();
        if (budget != null) {
            if (budget.signum() < 0 || budget.precision() - budget.scale() > 16) {
                throw new ValidationException("input.budget", "input.budget must be 0 or more, below 10^16");
            }
            Money.checkDigits(budget, currency, "input.budget");
        }
        String name = input.name().strip();
        // lower() in the database, as the unique index campaign_team_name_idx has it
        if (Campaign.count("teamId = ?1 and lower(name) = lower(?2)", team.id, name) > 0) {
            throw taken(name, team);
        }
        Campaign c = new Campaign();
        c.teamId = team.id;
        c.name = name;
        c.channel = input.channel();
        c.startsOn = input.startsOn();
        c.endsOn = input.endsOn();
        c.currency = currency.getCurrencyCode();
        c.budget = budget;
        c.description = blankToNull(input.description());
        c.createdBy = caller.actor();
        c.createdAt = Times.now();
        try {
            c.persist();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            // the same name created at the same moment by another call: the unique index decides
            if ("campaign_team_name_idx".equals(e.getConstraintName())) {
                throw taken(name, team);
            }
            throw e;
        }
        return c;
    }

    private static ValidationException taken(String name, Team team) {
        return new ValidationException("input.name", "input.name '" + name + "' is taken in team " + team.code);
    }

    @Transactional
    public Campaign addCost(AddCampaignCostInput input) {
        validator.check("input", input);
        Campaign c = require(input.campaignId());
        BigDecimal amount = input.amount().value();
        if (amount.signum() <= 0 || amount.precision() - amount.scale() > 16) {
            throw new ValidationException("input.amount", "input.amount must be more than 0, below 10^16");
        }
        Money.checkDigits(amount, Currency.getInstance(c.currency), "input.amount");
        CampaignCost cost = new CampaignCost();
        cost.teamId = c.teamId;
        cost.campaignId = c.id;
        cost.incurredOn = input.incurredOn();
        cost.amount = amount;
        cost.description = blankToNull(input.description());
        cost.createdBy = caller.actor();
        cost.createdAt = Times.now();
        cost.persist();
        return c;
    }

    /** A campaign reached a contact, now or with one of its interactions (at its time). */
    @Transactional
    public Contact attribute(AttributeToCampaignInput input) {
        require(input.campaignId());
        if ((input.contactId() == null) == (input.interactionId() == null)) {
            throw new ValidationException("input", "give either input.contactId or input.interactionId");
        }
        if (input.interactionId() != null) {
            Interaction i = interactions.find(input.interactionId())
                    .orElseThrow(() -> new NotFoundException("interaction", input.interactionId()));
            Contact contact = contacts.requireLocked(Ids.encode("Contact", i.contactId));
            contacts.attribute(contact, input.campaignId(), i.occurredAt, i.id);
            if (i.campaignId == null) {
                // the interaction now says which campaign brought it
                i.campaignId = Ids.decode("Campaign", input.campaignId());
            }
            return contact;
        }
        return contacts.attribute(contacts.requireLocked(input.contactId()), input.campaignId(), Times.now(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
