package dev.funnel.quote;

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

/**
 * A priced offer to one contact of one team. Its totals are computed by the server from its
 * lines ({@link Totals}); its status moves only by {@link QuoteRules}.
 */
@Entity
public class Quote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long contactId;

    /** Sequential within the team. */
    public long number;

    public String currency;

    public LocalDate validUntil;

    /** As last written; what callers see is {@link QuoteRules#effective}, which also accounts for expiry. */
    @Enumerated(EnumType.STRING)
    public QuoteStatus status;

    public BigDecimal netTotal;

    public BigDecimal taxTotal;

    public BigDecimal grossTotal;

    public String purchaseOrder;

    public OffsetDateTime sentAt;

    public OffsetDateTime acceptedAt;

    public OffsetDateTime declinedAt;

    public OffsetDateTime convertedAt;

    @Version
    public long version;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public QuoteStatus effectiveStatus(LocalDate today) {
        return QuoteRules.effective(status, validUntil, today);
    }
}
