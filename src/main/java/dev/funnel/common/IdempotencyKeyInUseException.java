package dev.funnel.common;

/** A call with the same idempotency key is still running. */
public class IdempotencyKeyInUseException extends FunnelException {

    public IdempotencyKeyInUseException(String message) {
        super(ErrorCode.IDEMPOTENCY_KEY_IN_USE, message);
    }
}
