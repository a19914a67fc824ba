package dev.funnel.quote;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import dev.funnel.common.InvalidTransitionException;
import dev.funnel.common.QuoteNotConvertibleException;

/**
 * The quote rules of README.md ("Quotes"), pure: the status a quote shows and the moves it allows.
 * A quote past its validity date is expired whether or not anything has marked it.
 */
public final class QuoteRules {

    private static final Set<QuoteStatus> OPEN = EnumSet.of(QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.ACCEPTED);

    private QuoteRules() {
    }

    /** The status a quote shows on {@code today}: an open quote past its validity date is EXPIRED. */
    public static QuoteStatus effective(QuoteStatus stored, LocalDate validUntil, LocalDate today) {
        return OPEN.contains(stored) && validUntil.isBefore(today) ? QuoteStatus.EXPIRED : stored;
    }

    public static QuoteStatus send(QuoteStatus effective) {
        return move(effective, "send", QuoteStatus.SENT, QuoteStatus.DRAFT);
    }

    public static QuoteStatus accept(QuoteStatus effective) {
        return move(effective, "accept", QuoteStatus.ACCEPTED, QuoteStatus.SENT);
    }

    public static QuoteStatus decline(QuoteStatus effective) {
        return move(effective, "decline", QuoteStatus.DECLINED, QuoteStatus.SENT, QuoteStatus.ACCEPTED);
    }

    /**
     * A sent or accepted, unexpired quote can be converted. {@code invoiceNumber} is the number of
     * the invoice a converted quote already has, named in the refusal.
     */
    public static void checkConvertible(QuoteStatus effective, Long invoiceNumber) {
        switch (effective) {
            case SENT, ACCEPTED -> {
            }
            case CONVERTED -> throw new QuoteNotConvertibleException(
                    "The quote is already converted, into invoice number " + invoiceNumber);
            case EXPIRED -> throw new QuoteNotConvertibleException("The quote has expired");
            case DRAFT -> throw new QuoteNotConvertibleException("The quote is a draft: send it first");
            case DECLINED -> throw new QuoteNotConvertibleException("The quote was declined");
        }
    }

    private static QuoteStatus move(QuoteStatus from, String action, QuoteStatus to, QuoteStatus... allowed) {
        for (QuoteStatus s : allowed) {
            if (s == from) {
                return to;
            }
        }
        throw new InvalidTransitionException("Cannot " + action + " a quote that is " + from);
    }
}
