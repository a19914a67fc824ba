package dev.funnel.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Money")
@Description("An exact amount in a currency. Read amount as a decimal, never as a float.")
public record Money(
        @NonNull @Description("The amount, a decimal string with exactly the currency's number of decimals (EUR \"19.90\", JPY \"1000\", BHD \"1.250\").") Decimal amount,
        @NonNull @Description("ISO 4217 currency code.") String currency) {

    /** The amount written with the currency's minor digits (ISO 4217), as the contract says. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(new Decimal(amount.setScale(minorDigits(currency), RoundingMode.HALF_UP)), currency);
    }

    /** How many decimals an amount in that currency has: JPY 0, EUR 2, BHD 3. */
    public static int minorDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
