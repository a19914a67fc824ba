package dev.funnel.common;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Money")
@Description("An exact amount in a currency. Read amount as a decimal, never as a float.")
public record Money(
        @NonNull @Description("The amount, with the currency's number of decimals.") BigDecimal amount,
        @NonNull @Description("ISO 4217 currency code.") String currency) {
}
