package dev.funnel.quote;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("QuoteLineInput")
@Description("One line of a new quote; the server computes its amounts.")
public record QuoteLineInput(
        @NonNull @NotBlank @Size(max = 500) @Description("What is sold (1..500 characters).") String description,
        @NonNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3)
        @Description("How many: more than 0, up to 3 decimals.") BigDecimal quantity,
        @NonNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Description("Price of one before tax: 0 or more, up to 4 decimals.") BigDecimal unitPrice,
        @NonNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Description("Tax rate in percent, 0..100, up to 2 decimals: 5.5 means 5.5 %.") BigDecimal taxRate) {
}
