package dev.funnel.contact;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.funnel.interaction.Direction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person or an organization known to one team. Its stage and temperature change only
 * through {@link #apply(Lifecycle.Move, String, OffsetDateTime)} and {@link #refreshTemperature()},
 * which keep the history and the derived temperature right.
 */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    @Enumerated(EnumType.STRING)
    public ContactKind kind;

    public String displayName;

    public String email;

    public String phone;

    public Long organizationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<ContactRole> roles = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Enumerated(EnumType.STRING)
    public Stage stageBeforeDisqualification;

    @Enumerated(EnumType.STRING)
    public DisqualificationReason disqualificationReason;

    public String disqualificationNote;

    /** The effective temperature, kept for sorting and filtering; see {@link #refreshTemperature()}. */
    @Enumerated(EnumType.STRING)
    public Temperature temperature;

    @Enumerated(EnumType.STRING)
    public Temperature temperatureOverride;

    @Enumerated(EnumType.STRING)
    public Source source;

    public String country;

    public String region;

    public String sector;

    public Integer employeeCount;

    public BigDecimal annualRevenue;

    public boolean decisionMaker;

    public Boolean knownNeed;

    public Boolean hasBudget;

    public String offerKnowledge;

    public int websiteVisits;

    public Boolean welcomesProposal;

    public boolean quoteRequested;

    public boolean webFormReceived;

    @Enumerated(EnumType.STRING)
    public Direction firstTouchDirection;

    public OffsetDateTime lastInteractionAt;

    public OffsetDateTime lastInboundAt;

    public int unansweredTouches;

    /** The contact's id in another system (docs/imports.md); unique in the team, case- and space-insensitively. */
    public String externalId;

    /** The token subject of the team member who owns the contact; null when nobody does. */
    public String owner;

    /** MQL / SQL while a lead; REJECTED on a suspect sent back to nurture; else null (see {@link #apply}). */
    @Enumerated(EnumType.STRING)
    public LeadStatus leadStatus;

    /** The first and the last campaign that touched the contact. */
    public Long firstCampaignId;

    public Long lastCampaignId;

    @Version
    public long version;

    public OffsetDateTime createdAt;

    /** Set by the services on every change the caller makes, not by Hibernate, so it also moves on a stage change. */
    public OffsetDateTime updatedAt;

    public Lifecycle.Profile profile() {
        return new Lifecycle.Profile(country, region, sector, employeeCount, annualRevenue, quoteRequested,
                webFormReceived, websiteVisits);
    }

    /**
     * Applies a move decided by {@link Lifecycle} and records it. Returns the history row to persist
     * in the same transaction.
     */
    public StageChange apply(Lifecycle.Move move, String actor, OffsetDateTime at) {
        if (move.from() != stage) {
            throw new IllegalStateException("move from " + move.from() + " applied at stage " + stage);
        }
        if (move.to() == Stage.DISQUALIFIED) {
            stageBeforeDisqualification = stage;
        } else if (stage == Stage.DISQUALIFIED) {
            stageBeforeDisqualification = null;
            disqualificationReason = null;
            disqualificationNote = null;
        }
        leadStatus = leadStatusAfter(move);
        stage = move.to();
        refreshTemperature();
        updatedAt = at;
        return StageChange.of(this, move, actor, at);
    }

    /**
     * The lead status a move leaves: a contact becoming a lead is marketing-qualified (MQL); sales
     * accepts it (SQL) or rejects it to nurture (REJECTED, kept while it is a suspect); moving on
     * to prospect or client ends it. Disqualifying and reopening keep it, so a reopened lead is
     * where it was.
     */
    private LeadStatus leadStatusAfter(Lifecycle.Move move) {
        if (move.trigger() == StageTrigger.SALES_ACCEPTED) {
            return LeadStatus.SQL;
        }
        if (move.trigger() == StageTrigger.SALES_REJECTED) {
            return LeadStatus.REJECTED;
        }
        if (move.to() == Stage.DISQUALIFIED || move.trigger() == StageTrigger.REOPEN) {
            return leadStatus;
        }
        if (move.to() == Stage.LEAD) {
            return LeadStatus.MQL;
        }
        return null;
    }

    /** Recomputes the effective temperature from the stage, the override and how the contact came in. */
    public void refreshTemperature() {
        temperature = Lifecycle.effectiveTemperature(stage, temperatureOverride,
                Lifecycle.derivedTemperature(source, webFormReceived, quoteRequested, firstTouchDirection));
    }
}
