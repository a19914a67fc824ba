package dev.funnel.common;

/** The lifecycle does not allow that move from the contact's stage. */
public class InvalidTransitionException extends FunnelException {

    public InvalidTransitionException(String message) {
        super(ErrorCode.INVALID_TRANSITION, message);
    }
}
