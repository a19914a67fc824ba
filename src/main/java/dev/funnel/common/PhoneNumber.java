package dev.funnel.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A phone number as people write it: digits, spaces and + ( ) . / -, up to 40 characters. Null is valid. */
@Pattern(regexp = "^[0-9+()./ -]*$")
@Size(max = 40)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface PhoneNumber {
    String message() default "must hold at most 40 digits, spaces and + ( ) . / -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
