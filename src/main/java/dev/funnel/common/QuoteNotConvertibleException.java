package dev.funnel.common;

/** The quote cannot be converted: draft, declined, expired, or converted under another key. */
public class QuoteNotConvertibleException extends FunnelException {

    public QuoteNotConvertibleException(String message) {
        super(ErrorCode.QUOTE_NOT_CONVERTIBLE, message);
    }
}
