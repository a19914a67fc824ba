package dev.funnel.common;

/** The idempotency key was already used for another quote. */
public class IdempotencyKeyReusedException extends FunnelException {

    public IdempotencyKeyReusedException(String message) {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED, message);
    }
}
