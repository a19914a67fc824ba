package dev.funnel.common;

/**
 * An error the caller can act on. Each subclass stands for one code of {@link ErrorCode};
 * {@link dev.funnel.graphql.ErrorMapping} turns it into {@code extensions.code}. The message is
 * shown to the caller as is, so it must never name another team's data.
 */
public abstract class FunnelException extends RuntimeException {

    private final ErrorCode code;

    protected FunnelException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
