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

    /** The ISO 4217 currency of that code, if Funnel supports it (0 to 3 decimals), else VALIDATION on {@code field}. */
    public static Currency currency(String code, String field) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0 || currency.getDefaultFractionDigits() > 3) {
                throw new ValidationException(field, field + " " + code + " is not supported");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, field + " " + code + " is not an ISO 4217 code");
        }
    }

    /** VALIDATION on {@code field} when the amount has more decimals than the currency allows. */
    public static void checkDigits(BigDecimal amount, Currency currency, String field) {
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new ValidationException(field, field + " " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    /** How many decimals an amount in that currency has: JPY 0, EUR 2, BHD 3. */
    public static int minorDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
