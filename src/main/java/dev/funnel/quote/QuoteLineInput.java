package dev.funnel.quote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.common.Decimal;
import dev.funnel.common.DecimalRange;

@Input("QuoteLineInput")
@Description("One line of a new quote; the server computes its amounts.")
public record QuoteLineInput(
        @NonNull @NotBlank @Size(max = 500) @Description("What is sold (1..500 characters).") String description,
        @NonNull @DecimalRange(min = "0", minInclusive = false, integer = 12, fraction = 3)
        @Description("How many: more than 0, up to 3 decimals.") Decimal quantity,
        @NonNull @DecimalRange(min = "0", integer = 15, fraction = 3)
        @Description("Price of one before tax: 0 or more, with no more decimals than the quote's currency has (EUR 2, JPY 0).") Decimal unitPrice,
        @NonNull @DecimalRange(min = "0", max = "100", integer = 3, fraction = 2)
        @Description("Tax rate in percent, 0..100, up to 2 decimals: 5.5 means 5.5 %.") Decimal taxRate) {
}
