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
