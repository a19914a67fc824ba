package dev.funnel.common;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/**
 * The {@code Decimal} scalar: an exact decimal written as a JSON string ({@code "19.99"}), so that
 * no JavaScript client ever turns an amount into a float. Plain notation only (no exponent),
 * at most 30 digits before the point and 9 after. Its bounds and digits are checked with
 * {@link DecimalRange}; its wire form (a JSON string in and out) is graphql/DecimalCoercing's.
 */
@CustomScalar("Decimal")
@RegisterForReflection
public record Decimal(BigDecimal value) implements CustomStringScalar {

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,9})?");

    /** SmallRye builds a Decimal from the string a client sent. */
    public Decimal(String text) {
        this(parse(text));
    }

    public static Decimal of(BigDecimal value) {
        return value == null ? null : new Decimal(value);
    }

    public static BigDecimal valueOf(Decimal decimal) {
        return decimal == null ? null : decimal.value();
    }

    private static BigDecimal parse(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal");
        }
        return new BigDecimal(text);
    }

    /** Plain notation, never {@code 2E+1}. */
    @Override
    public String stringValueForSerialization() {
        return value.toPlainString();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
