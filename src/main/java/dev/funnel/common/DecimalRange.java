package dev.funnel.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link Decimal} within bounds, with at most {@link #integer()} digits before the point and
 * {@link #fraction()} after it (what the database column holds). Null is valid. The message names
 * the bounds, so a client knows what to send instead.
 */
@Constraint(validatedBy = DecimalRange.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface DecimalRange {

    /** The lowest value allowed; empty for none. */
    String min() default "";

    boolean minInclusive() default true;

    /** The highest value allowed; empty for none. */
    String max() default "";

    int integer();

    int fraction();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DecimalRange, Decimal> {

        private DecimalRange range;

        @Override
        public void initialize(DecimalRange range) {
            this.range = range;
        }

        @Override
        public boolean isValid(Decimal decimal, ConstraintValidatorContext context) {
            if (decimal == null) {
                return true;
            }
            BigDecimal value = decimal.value();
            BigDecimal plain = value.stripTrailingZeros();
            int fraction = Math.max(plain.scale(), 0);
            int integer = plain.precision() - plain.scale();
            boolean ok = fraction <= range.fraction() && integer <= range.integer();
            if (!range.min().isEmpty()) {
                int c = value.compareTo(new BigDecimal(range.min()));
                ok &= range.minInclusive() ? c >= 0 : c > 0;
            }
            if (!range.max().isEmpty()) {
                ok &= value.compareTo(new BigDecimal(range.max())) <= 0;
            }
            if (!ok && range.message().isEmpty()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(describe(range)).addConstraintViolation();
            }
            return ok;
        }

        private static String describe(DecimalRange r) {
            StringBuilder s = new StringBuilder("must be a decimal");
            if (!r.min().isEmpty()) {
                s.append(r.minInclusive() ? " of at least " : " greater than ").append(r.min());
            }
            if (!r.max().isEmpty()) {
                s.append(r.min().isEmpty() ? " of at most " : " and at most ").append(r.max());
            }
            return s.append(", with at most ").append(r.integer()).append(" digits before the point and ")
                    .append(r.fraction()).append(" after it").toString();
        }
    }
}
