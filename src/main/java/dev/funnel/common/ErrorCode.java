package dev.funnel.common;

/** The error codes of the API contract (README, "Errors"), sent as {@code extensions.code}. */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    VALIDATION,
    INVALID_TRANSITION,
    QUOTE_NOT_CONVERTIBLE,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_KEY_IN_USE,
    VERSION_CONFLICT,
    LIMIT_EXCEEDED,
    /** The HTTP request itself is malformed: not JSON, no query, a parameter of the wrong type. */
    BAD_REQUEST,
    /** Not the caller's fault; the message never says more than that. */
    INTERNAL
}
