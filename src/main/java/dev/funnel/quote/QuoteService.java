package dev.funnel.quote;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.InvalidTransitionException;
import dev.funnel.common.Keyset;
import dev.funnel.common.LazyCounts;
import dev.funnel.common.Money;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.Stage;
import dev.funnel.contact.StageTrigger;
import dev.funnel.event.EventType;
import dev.funnel.event.Events;
import dev.funnel.event.Payload;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamFilter;
import dev.funnel.security.TeamScopedQuery;
import dev.funnel.team.TeamCounters;

/** Quotes of the caller's teams: writing them, sending, accepting, declining, and reading. */
@ApplicationScoped
public class QuoteService {

    private final Caller caller;
    private final ContactService contacts;
    private final TeamCounters counters;
    private final InputValidator validator;
    private final Events events;

    public QuoteService(Caller caller, ContactService contacts, TeamCounters counters, InputValidator validator,
            Events events) {
        this.events = events;
        this.caller = caller;
        this.contacts = contacts;
        this.counters = counters;
        this.validator = validator;
    }

    // ------------------------------------------------------------------ reads

    public Optional<Quote> find(String id) {
        return TeamScopedQuery.of(Quote.class, caller).byId("Quote", id);
    }

    /** The quotes behind opaque ids that belong to the caller's teams, keyed by those ids: one statement. */
    public Map<String, Quote> findAll(List<String> ids) {
        return TeamScopedQuery.of(Quote.class, caller).byIds("Quote", ids);
    }

    /**
     * The quote with its row locked until the transaction ends, and its state read under that
     * lock (a refresh: an instance the session already held could be stale); NOT_FOUND when it is
     * not the caller's.
     */
    public Quote requireLocked(String id) {
        return lock(find(id).orElseThrow(() -> new NotFoundException("quote", id)));
    }

    /** A quote the caller already read in this transaction, read again under a row lock. */
    public Quote lock(Quote visible) {
        Quote.getEntityManager().refresh(visible, LockModeType.PESSIMISTIC_WRITE);
        return visible;
    }

    public QuoteConnection list(QuoteFilter filter, PageRequest page) {
        validator.check("filter", filter);
        TeamScopedQuery<Quote> query = TeamScopedQuery.of(Quote.class, caller);
        if (filter != null) {
            query.inTeam(filter.team()).ofContact(filter.contactId());
            InputValidator.noNulls("filter.statuses", filter.statuses());
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                String clause = statusesClause(filter.statuses(), "status", "validUntil");
                query.and(clause, clause.contains(":today") ? "today" : null, Times.today());
            }
        }
        return QuoteConnection.of(query.newestFirst(page));
    }

    /**
     * The condition (JPQL or SQL, by the column names given) for any of these statuses as shown today:
     * open quotes past their date count as expired. Binds {@code :today} when a status needs it.
     */
    private static String statusesClause(List<QuoteStatus> statuses, String status, String validUntil) {
        return "(" + String.join(" or ", statuses.stream().distinct().map(s -> switch (s) {
            case DRAFT, SENT, ACCEPTED -> "(" + status + " = '" + s + "' and " + validUntil + " >= :today)";
            case EXPIRED -> "(" + status + " = 'EXPIRED' or (" + status + " in ('DRAFT', 'SENT', 'ACCEPTED') and "
                    + validUntil + " < :today))";
            case DECLINED, CONVERTED -> status + " = '" + s + "'";
        }).toList()) + ")";
    }

    /** Newest first: quote ids grow with time. */
    private static final Keyset NEWEST_FIRST = Keyset.byId("q.id", false);

    /**
     * Newest-first quotes of several contacts at once (Contact.quotes), optionally only those in some
     * statuses as shown today: one statement for rows, one for counts.
     */
    public Map<Long, QuoteConnection> pagesOf(List<Long> contactIds, List<QuoteStatus> statuses, PageRequest page) {
        InputValidator.noNulls("statuses", statuses);
        String filter = statuses == null || statuses.isEmpty() ? "" : " and " + statusesClause(statuses, "q.status", "q.valid_until");
        Map<Long, List<Quote>> rows = new HashMap<>();
        LazyCounts counts = new LazyCounts(() -> countsOf(contactIds, filter));
        if (!contactIds.isEmpty() && page.size() > 0) {
            Map<String, Object> params = new HashMap<>();
            String keyset = NEWEST_FIRST.where(page, params);
            // per contact, only its first rows along quote_contact_idx (not all its quotes)
            TeamFilter teams = caller.teamFilter();
            var query = teams.bind(Quote.getEntityManager().createNativeQuery("select q.* from contact c cross join lateral"
                    + " (select q.* from quote q where q.contact_id = c.id and " + teams.on("q.team_id") + filter + keyset
                    + " order by " + NEWEST_FIRST.orderBy(page) + " limit :limit) q where c.id in (:ids) order by "
                    + NEWEST_FIRST.orderBy(page), Quote.class))
                    .setParameter("ids", contactIds).setParameter("limit", page.limit());
            params.forEach(query::setParameter);
            if (filter.contains(":today")) {
                query.setParameter("today", Times.today());
            }
            @SuppressWarnings("unchecked")
            List<Quote> found = query.getResultList();
            found.forEach(q -> rows.computeIfAbsent(q.contactId, k -> new ArrayList<>()).add(q));
        }
        Map<Long, QuoteConnection> result = new HashMap<>();
        for (Long id : contactIds) {
            result.put(id, QuoteConnection.of(Page.of(rows.getOrDefault(id, List.of()), page, counts.of(id))));
        }
        return result;
    }

    /** How many quotes each contact has (of those the SQL condition {@code filter} on {@code q} keeps): one statement. */
    private Map<Long, Long> countsOf(List<Long> contactIds, String filter) {
        Map<Long, Long> counts = new HashMap<>();
        if (!contactIds.isEmpty()) {
            TeamFilter teams = caller.teamFilter();
            var query = teams.bind(Quote.getEntityManager().createNativeQuery("select q.contact_id, count(*) from quote q"
                    + " where q.contact_id in (:ids) and " + teams.on("q.team_id") + filter + " group by q.contact_id"))
                    .setParameter("ids", contactIds);
            if (filter.contains(":today")) {
                query.setParameter("today", Times.today());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> found = query.getResultList();
            found.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        }
        return counts;
    }

    /** Quotes of the caller's teams by database id (Invoice.quote), in one statement. */
    public Map<Long, Quote> byIds(List<Long> ids) {
        Map<Long, Quote> found = new HashMap<>();
        if (!ids.isEmpty()) {
            TeamScopedQuery.of(Quote.class, caller).and("id in :ids", "ids", ids).list(null).forEach(q -> found.put(q.id, q));
        }
        return found;
    }

    /** Lines of several quotes at once, in position order. */
    public Map<Long, List<QuoteLine>> linesOf(List<Long> quoteIds) {
        Map<Long, List<QuoteLine>> lines = new HashMap<>();
        if (!quoteIds.isEmpty()) {
            QuoteLine.<QuoteLine>list("quoteId in ?1 order by quoteId, position", quoteIds)
                    .forEach(l -> lines.computeIfAbsent(l.quoteId, k -> new ArrayList<>()).add(l));
        }
        return lines;
    }

    // ------------------------------------------------------------------ writes

    @Transactional
    public Quote create(CreateQuoteInput input) {
        InputValidator.noNulls("input.lines", input.lines());
        validator.check("input", input);
        Currency currency = currency(input.currency());
        if (input.validUntil().isBefore(Times.today())) {
            throw new ValidationException("input.validUntil", "input.validUntil must be today or later");
        }
        Contact contact = contacts.require(input.contactId());
        if (contact.stage != Stage.LEAD && contact.stage != Stage.PROSPECT && contact.stage != Stage.CLIENT) {
            throw new InvalidTransitionException("Quotes go to leads, prospects and clients; this contact is "
                    + (contact.stage == null ? "outside the funnel" : "at stage " + contact.stage));
        }
        OffsetDateTime now = Times.now();
        Quote q = new Quote();
        q.teamId = contact.teamId;
        q.contactId = contact.id;
        q.currency = currency.getCurrencyCode();
        q.validUntil = input.validUntil();
        q.status = QuoteStatus.DRAFT;
        q.createdAt = now;
        q.updatedAt = now;
        List<QuoteLine> lines = new ArrayList<>();
        List<Totals.Amounts> amounts = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            QuoteLineInput in = input.lines().get(i);
            if (in.unitPrice().value().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                throw new ValidationException("input.lines[" + i + "].unitPrice", "input.lines[" + i + "].unitPrice "
                        + in.unitPrice() + " has more decimals than " + currency.getCurrencyCode() + " allows ("
                        + currency.getDefaultFractionDigits() + ")");
            }
            Totals.Amounts a = Totals.line(in.quantity().value(), in.unitPrice().value(), in.taxRate().value(), currency);
            requireStorable(a.gross(), "input.lines[" + i + "]");
            QuoteLine line = new QuoteLine();
            line.position = i + 1;
            line.description = in.description().strip();
            line.quantity = in.quantity().value();
            line.unitPrice = in.unitPrice().value();
            line.taxRate = in.taxRate().value();
            line.net = a.net();
            line.tax = a.tax();
            line.gross = a.gross();
            lines.add(line);
            amounts.add(a);
        }
        Totals.Amounts total = Totals.sum(amounts, currency);
        requireStorable(total.gross(), "input.lines");
        q.netTotal = total.net();
        q.taxTotal = total.tax();
        q.grossTotal = total.gross();
        q.number = counters.next(q.teamId, TeamCounters.QUOTE);
        q.persist();
        for (QuoteLine line : lines) {
            line.teamId = q.teamId;
            line.quoteId = q.id;
            line.persist();
        }
        emit(q, EventType.QUOTE_CREATED);
        return q;
    }

    /** quote.created, sent, accepted, declined, converted: the quote as it now is (docs/events.md). */
    public void emit(Quote q, EventType type) {
        events.emit(q.teamId, type, Ids.encode("Quote", q.id), Payload.of()
                .put("quoteId", Ids.encode("Quote", q.id))
                .put("contactId", Ids.encode("Contact", q.contactId))
                .put("number", q.number)
                .put("status", q.status)
                .put("currency", q.currency)
                .put("netTotal", Money.of(q.netTotal, q.currency))
                .put("taxTotal", Money.of(q.taxTotal, q.currency))
                .put("grossTotal", Money.of(q.grossTotal, q.currency))
                .put("validUntil", q.validUntil)
                .put("purchaseOrder", q.purchaseOrder)
                .build());
    }

    @Transactional
    public Quote send(String id) {
        Quote q = requireLocked(id);
        q.status = QuoteRules.send(q.effectiveStatus(Times.today()));
        q.sentAt = q.updatedAt = Times.now();
        emit(q, EventType.QUOTE_SENT);
        return q;
    }

    /** Accepting with a purchase order makes the contact a client (README.md, lifecycle rule 3), in this transaction. */
    @Transactional
    public Quote accept(String id, String purchaseOrder) {
        if (purchaseOrder != null && (purchaseOrder.isBlank() || purchaseOrder.length() > 100)) {
            throw new ValidationException("purchaseOrder", "purchaseOrder must be 1..100 characters");
        }
        Quote q = requireLocked(id);
        q.status = QuoteRules.accept(q.effectiveStatus(Times.today()));
        OffsetDateTime now = Times.now();
        q.acceptedAt = q.updatedAt = now;
        if (purchaseOrder != null) {
            q.purchaseOrder = purchaseOrder.strip();
        }
        emit(q, EventType.QUOTE_ACCEPTED);
        if (purchaseOrder != null) {
            contacts.purchase(q.contactId, StageTrigger.PURCHASE_ORDER, now);
        }
        return q;
    }

    @Transactional
    public Quote decline(String id) {
        Quote q = requireLocked(id);
        q.status = QuoteRules.decline(q.effectiveStatus(Times.today()));
        q.declinedAt = q.updatedAt = Times.now();
        emit(q, EventType.QUOTE_DECLINED);
        return q;
    }

    /** Amounts are NUMERIC(19, 3): at most 16 digits before the decimal point. */
    private static void requireStorable(java.math.BigDecimal amount, String field) {
        if (amount.precision() - amount.scale() > 16) {
            throw new ValidationException(field, field + " adds up to more than 16 digits before the decimal point");
        }
    }

    private static Currency currency(String code) {
        return Money.currency(code, "input.currency");
    }
}
