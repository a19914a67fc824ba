package dev.funnel.quote;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a quote, with its amounts as computed when the quote was written. */
@Entity
public class QuoteLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long quoteId;

    public int position;

    public String description;

    public BigDecimal quantity;

    public BigDecimal unitPrice;

    /** Percent: 20.00 means 20 %. */
    public BigDecimal taxRate;

    public BigDecimal net;

    public BigDecimal tax;

    public BigDecimal gross;
}
