package dev.funnel.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A team's marketing campaign (V9__owners_leads_campaigns.sql, docs/funnel.md "Campaigns"). */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public String name;

    @Enumerated(EnumType.STRING)
    public CampaignChannel channel;

    public LocalDate startsOn;

    public LocalDate endsOn;

    /** ISO 4217; the budget and every cost line are in it. */
    public String currency;

    public BigDecimal budget;

    public String description;

    public String createdBy;

    public OffsetDateTime createdAt;

    @Version
    public long version;
}
