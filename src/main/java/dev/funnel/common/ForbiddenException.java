package dev.funnel.common;

/** The caller's role does not allow the operation. */
public class ForbiddenException extends FunnelException {

    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
