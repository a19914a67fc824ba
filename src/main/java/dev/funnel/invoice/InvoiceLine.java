package dev.funnel.invoice;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import dev.funnel.quote.QuoteLine;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A quote line as invoiced. */
@Entity
public class InvoiceLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long invoiceId;

    public int position;

    public String description;

    public BigDecimal quantity;

    public BigDecimal unitPrice;

    public BigDecimal taxRate;

    public BigDecimal net;

    public BigDecimal tax;

    public BigDecimal gross;

    static InvoiceLine copyOf(QuoteLine line, Invoice invoice) {
        InvoiceLine copy = new InvoiceLine();
        copy.teamId = invoice.teamId;
        copy.invoiceId = invoice.id;
        copy.position = line.position;
        copy.description = line.description;
        copy.quantity = line.quantity;
        copy.unitPrice = line.unitPrice;
        copy.taxRate = line.taxRate;
        copy.net = line.net;
        copy.tax = line.tax;
        copy.gross = line.gross;
        return copy;
    }
}
