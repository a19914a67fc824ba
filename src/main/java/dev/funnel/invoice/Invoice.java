package dev.funnel.invoice;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Issued only by converting a quote; its lines and totals are the quote's at that moment. Never changed. */
@Entity
public class Invoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long contactId;

    public Long quoteId;

    /** Sequential without gaps within the team, in issue order: see {@link InvoiceService#convert}. */
    public long number;

    public String currency;

    public BigDecimal netTotal;

    public BigDecimal taxTotal;

    public BigDecimal grossTotal;

    public OffsetDateTime issuedAt;

    public String issuedBy;
}
