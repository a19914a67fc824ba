package dev.funnel.common;

import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks an input against its Bean Validation constraints before anything is read or written,
 * and reports the first broken one (in path order, so the answer is stable) as VALIDATION with
 * its input path, e.g. {@code input.email}.
 */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    public InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** GraphQL lets a list hold nulls ({@code [X]}); no list of Funnel's inputs may. */
    public static void noNulls(String field, java.util.List<?> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ValidationException(field + "[" + i + "]", field + "[" + i + "] must not be null");
            }
        }
    }

    public <T> T check(String argument, T input) {
        if (input == null) {
            return null;
        }
        validator.validate(input).stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    String path = argument + "." + v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
                    throw new ValidationException(path, path + " " + v.getMessage());
                });
        return input;
    }
}
