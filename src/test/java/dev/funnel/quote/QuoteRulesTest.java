package dev.funnel.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.funnel.common.InvalidTransitionException;
import dev.funnel.common.QuoteNotConvertibleException;

/** The pure quote rules and the money arithmetic. */
class QuoteRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void openQuotesPastTheirDateAreExpired() {
        for (QuoteStatus open : List.of(QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.ACCEPTED)) {
            assertEquals(QuoteStatus.EXPIRED, QuoteRules.effective(open, TODAY.minusDays(1), TODAY));
            assertEquals(open, QuoteRules.effective(open, TODAY, TODAY), "valid through its last day");
        }
        assertEquals(QuoteStatus.CONVERTED, QuoteRules.effective(QuoteStatus.CONVERTED, TODAY.minusDays(9), TODAY));
        assertEquals(QuoteStatus.DECLINED, QuoteRules.effective(QuoteStatus.DECLINED, TODAY.minusDays(9), TODAY));
    }

    @Test
    void statusMoves() {
        assertEquals(QuoteStatus.SENT, QuoteRules.send(QuoteStatus.DRAFT));
        assertEquals(QuoteStatus.ACCEPTED, QuoteRules.accept(QuoteStatus.SENT));
        assertEquals(QuoteStatus.DECLINED, QuoteRules.decline(QuoteStatus.SENT));
        assertEquals(QuoteStatus.DECLINED, QuoteRules.decline(QuoteStatus.ACCEPTED));
        assertThrows(InvalidTransitionException.class, () -> QuoteRules.send(QuoteStatus.SENT));
        assertThrows(InvalidTransitionException.class, () -> QuoteRules.accept(QuoteStatus.DRAFT));
        assertThrows(InvalidTransitionException.class, () -> QuoteRules.accept(QuoteStatus.EXPIRED));
        assertThrows(InvalidTransitionException.class, () -> QuoteRules.decline(QuoteStatus.CONVERTED));
    }

    @ParameterizedTest
    @EnumSource(value = QuoteStatus.class, names = { "SENT", "ACCEPTED" })
    void sentOrAcceptedQuotesConvert(QuoteStatus status) {
        QuoteRules.checkConvertible(status, null);
    }

    @ParameterizedTest
    @EnumSource(value = QuoteStatus.class, names = { "DRAFT", "DECLINED", "EXPIRED", "CONVERTED" })
    void otherQuotesDoNotConvert(QuoteStatus status) {
        var e = assertThrows(QuoteNotConvertibleException.class, () -> QuoteRules.checkConvertible(status, 42L));
        if (status == QuoteStatus.CONVERTED) {
            assertEquals("The quote is already converted, into invoice number 42", e.getMessage());
        }
    }

    @Test
    void linesRoundHalfUpToTheCurrencyThenAddUp() {
        var reduced = Totals.line(new BigDecimal("3"), new BigDecimal("19.99"), new BigDecimal("5.5"), EUR);
        assertEquals(new BigDecimal("59.97"), reduced.net());
        assertEquals(new BigDecimal("3.30"), reduced.tax(), "3.29835 rounds half-up");
        assertEquals(new BigDecimal("63.27"), reduced.gross());
        var standard = Totals.line(new BigDecimal("3"), new BigDecimal("19.99"), new BigDecimal("20"), EUR);
        assertEquals(new BigDecimal("11.99"), standard.tax(), "11.994 rounds down");
        var total = Totals.sum(List.of(reduced, standard), EUR);
        assertEquals(new BigDecimal("119.94"), total.net());
        assertEquals(new BigDecimal("15.29"), total.tax());
        assertEquals(new BigDecimal("135.23"), total.gross());
    }

    @Test
    void currenciesWithoutDecimalsRoundToUnits() {
        var yen = Totals.line(new BigDecimal("1.5"), new BigDecimal("999"), new BigDecimal("10"), Currency.getInstance("JPY"));
        assertEquals(new BigDecimal("1499"), yen.net(), "1498.5 rounds half-up");
        assertEquals(new BigDecimal("150"), yen.tax());
    }
}
