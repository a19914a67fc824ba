package dev.funnel.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Money arithmetic of quotes and invoices, in BigDecimal only. The rule: each line's net
 * (quantity x unit price) is rounded half-up to the currency's minor unit, then its tax (net x
 * rate / 100) is rounded the same way, and gross = net + tax. A quote's totals are the sums of
 * its lines' rounded figures, so the lines always add up to the totals shown.
 */
public final class Totals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Totals() {
    }

    public record Amounts(BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    public static Amounts line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRatePercent, Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        BigDecimal net = quantity.multiply(unitPrice).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal tax = net.multiply(taxRatePercent).divide(HUNDRED).setScale(scale, RoundingMode.HALF_UP);
        return new Amounts(net, tax, net.add(tax));
    }

    public static Amounts sum(List<Amounts> lines, Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        BigDecimal net = BigDecimal.ZERO.setScale(scale);
        BigDecimal tax = BigDecimal.ZERO.setScale(scale);
        for (Amounts a : lines) {
            net = net.add(a.net());
            tax = tax.add(a.tax());
        }
        return new Amounts(net, tax, net.add(tax));
    }
}
