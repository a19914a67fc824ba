package dev.funnel.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One dated cost line of a campaign, in the campaign's currency. */
@Entity
@Table(name = "campaign_cost")
public class CampaignCost extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long campaignId;

    public LocalDate incurredOn;

    public BigDecimal amount;

    public String description;

    public String createdBy;

    public OffsetDateTime createdAt;
}
