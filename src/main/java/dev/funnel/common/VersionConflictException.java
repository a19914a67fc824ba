package dev.funnel.common;

/** The caller's {@code expectedVersion} is stale: someone changed the record since it was read. */
public class VersionConflictException extends FunnelException {

    public VersionConflictException(String type, long expected, long actual) {
        super(ErrorCode.VERSION_CONFLICT,
                type + " is at version " + actual + ", not " + expected + ": read it again and retry");
    }

    public VersionConflictException(String message) {
        super(ErrorCode.VERSION_CONFLICT, message);
    }
}
