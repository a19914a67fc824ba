package dev.funnel.imports;

import dev.funnel.common.ErrorCode;
import dev.funnel.common.FunnelException;

/**
 * An uploaded file that cannot be imported at all; nothing of it is kept. {@link #reason()} says
 * which problem (docs/imports.md, "Files refused") beside the error code: VALIDATION for a file
 * that is not a CSV file Funnel can read, LIMIT_EXCEEDED for one over a limit.
 */
public class FileRejectedException extends FunnelException {

    /** Why a file is refused. */
    public enum Reason {
        EMPTY_FILE(ErrorCode.VALIDATION),
        BINARY_FILE(ErrorCode.VALIDATION),
        ENCODING(ErrorCode.VALIDATION),
        MALFORMED_CSV(ErrorCode.VALIDATION),
        NO_HEADER(ErrorCode.VALIDATION),
        NO_ROWS(ErrorCode.VALIDATION),
        FILE_TOO_LARGE(ErrorCode.LIMIT_EXCEEDED),
        TOO_MANY_COLUMNS(ErrorCode.LIMIT_EXCEEDED),
        FIELD_TOO_LARGE(ErrorCode.LIMIT_EXCEEDED);

        final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }
    }

    private final Reason reason;

    public FileRejectedException(Reason reason, String message) {
        super(reason.code, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
