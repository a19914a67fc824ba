package dev.funnel.quote;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Decimal;
import dev.funnel.common.Money;

@Type("LineItem")
@Description("One line of a quote or an invoice. net = quantity x unit price and tax = net x rate, each rounded half-up to the currency's minor unit; gross = net + tax.")
public record LineItemView(
        @NonNull @Description("1-based position in the document.") int position,
        @NonNull @Description("What is sold.") String description,
        @NonNull @Description("How many (up to 3 decimals).") Decimal quantity,
        @NonNull @Description("Price of one, before tax.") Money unitPrice,
        @NonNull @Description("Tax rate in percent: \"20\" means 20 %.") Decimal taxRate,
        @NonNull @Description("quantity x unit price, rounded.") Money net,
        @NonNull @Description("Tax on net, rounded.") Money tax,
        @NonNull @Description("net + tax.") Money gross) {

    public static LineItemView of(int position, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal taxRate, BigDecimal net, BigDecimal tax, BigDecimal gross, String currency) {
        return new LineItemView(position, description, new Decimal(quantity.stripTrailingZeros()), Money.of(unitPrice, currency),
                new Decimal(taxRate.stripTrailingZeros()), Money.of(net, currency), Money.of(tax, currency), Money.of(gross, currency));
    }

    static LineItemView of(QuoteLine l, String currency) {
        return of(l.position, l.description, l.quantity, l.unitPrice, l.taxRate, l.net, l.tax, l.gross, currency);
    }
}
