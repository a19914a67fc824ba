package dev.funnel.graphql;

import java.math.BigDecimal;
import java.util.Locale;

import dev.funnel.common.Decimal;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;

/**
 * The {@code Decimal} scalar on the wire: a JSON string in, a JSON string out. Replaces SmallRye's
 * coercing of custom string scalars, whose messages name Java classes; these name the value and
 * what to send instead ({@link ErrorMapping} finds the input path from the value).
 */
final class DecimalCoercing implements Coercing<Decimal, String> {

    static String notADecimal(Object text) {
        return "\"" + text + "\" is not a decimal: write digits with an optional dot and no exponent, such as \"19.99\"";
    }

    static String aNumber(Object number) {
        return number + " is a JSON number: send decimals as strings, such as \"" + number + "\"";
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof Decimal d) {
            return d.stringValueForSerialization();
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        throw new CoercingSerializeException("Not a decimal");
    }

    @Override
    public Decimal parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof Decimal d) {
            return d;
        }
        if (input instanceof String s) {
            try {
                return new Decimal(s);
            } catch (IllegalArgumentException e) {
                throw new CoercingParseValueException(notADecimal(s));
            }
        }
        throw new CoercingParseValueException(input instanceof Number ? aNumber(input) : notADecimal(input));
    }

    @Override
    public Decimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue s) {
            try {
                return new Decimal(s.getValue());
            } catch (IllegalArgumentException e) {
                throw new CoercingParseLiteralException(notADecimal(s.getValue()));
            }
        }
        throw new CoercingParseLiteralException("A decimal is written as a string, such as \"19.99\"");
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }
}
