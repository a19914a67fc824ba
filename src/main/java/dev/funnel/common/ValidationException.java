package dev.funnel.common;

/** Input that breaks a constraint; {@link #field()} is the offending input path, e.g. {@code input.email}. */
public class ValidationException extends FunnelException {

    private final String field;

    public ValidationException(String field, String message) {
        super(ErrorCode.VALIDATION, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
