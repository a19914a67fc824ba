package dev.funnel.invoice;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.funnel.common.IdempotencyKeyInUseException;
import dev.funnel.common.IdempotencyKeyReusedException;
import dev.funnel.common.Ids;
import dev.funnel.common.InputValidator;
import dev.funnel.common.InvalidTransitionException;
import dev.funnel.common.Money;
import dev.funnel.common.PageRequest;
import dev.funnel.common.QuoteNotConvertibleException;
import dev.funnel.common.Times;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.StageTrigger;
import dev.funnel.event.EventType;
import dev.funnel.event.Events;
import dev.funnel.event.Payload;
import dev.funnel.observability.FunnelMetrics;
import dev.funnel.quote.Quote;
import dev.funnel.quote.QuoteLine;
import dev.funnel.quote.QuoteRules;
import dev.funnel.quote.QuoteService;
import dev.funnel.quote.QuoteStatus;
import dev.funnel.security.Caller;
import dev.funnel.security.TeamScopedQuery;
import dev.funnel.team.TeamCounters;

/** Invoices: issued only by converting a quote, exactly once, and read by the teams that own them. */
@ApplicationScoped
public class InvoiceService {

    private final Caller caller;
    private final QuoteService quotes;
    private final TeamCounters counters;
    private final InputValidator validator;
    private final EntityManager em;
    private final FunnelMetrics metrics;
    private final ContactService contacts;
    private final Events events;

    public InvoiceService(Caller caller, QuoteService quotes, TeamCounters counters, InputValidator validator,
            EntityManager em, FunnelMetrics metrics, ContactService contacts, Events events) {
        this.metrics = metrics;
        this.contacts = contacts;
        this.events = events;
        this.caller = caller;
        this.quotes = quotes;
        this.counters = counters;
        this.validator = validator;
        this.em = em;
    }

    /** The result of a conversion: the invoice, the contact, and whether it was a replay. */
    public record Conversion(Invoice invoice, Contact contact, boolean replayed) {
    }

    /**
     * Converts a quote into its one invoice and makes the contact a client, all in this
     * transaction or not at all. Safe to retry:
     * <ol>
     * <li>a transaction-scoped advisory lock on (caller, key) makes a concurrent call with the same
     * key answer IDEMPOTENCY_KEY_IN_USE at once instead of racing;</li>
     * <li>a key already recorded replays its invoice (same quote) or is refused (another quote);</li>
     * <li>the quote row is locked, so two keys on one quote convert it once: the second sees it
     * CONVERTED;</li>
     * <li>the invoice number comes from the team's counter row, locked until commit: gapless, in
     * issue order ({@link TeamCounters}). The team's conversions queue on that row, so everything
     * that can be read or locked before it is: the quote's lines and the contact;</li>
     * <li>the key is recorded in the same transaction, so a failure leaves no trace to replay, and
     * {@code invoice.quote_id} is unique as a last guard.</li>
     * </ol>
     */
    @Transactional
    public Conversion convert(ConvertQuoteInput input) {
        validator.check("input", input);
        String subject = caller.subject() == null ? caller.actor() : caller.subject();
        Quote visible = quotes.find(input.quoteId()).orElseThrow(
                () -> new dev.funnel.common.NotFoundException("quote", input.quoteId()));

        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1), hashtext(?2))")
                .setParameter(1, subject).setParameter(2, input.idempotencyKey()).getSingleResult();
        if (!locked) {
            throw new IdempotencyKeyInUseException(
                    "A call with this idempotency key is still running; retry in a moment");
        }
        Optional<Object[]> earlier = earlierCall(subject, input.idempotencyKey());
        if (earlier.isPresent()) {
            long quoteId = ((Number) earlier.get()[0]).longValue();
            if (quoteId != visible.id) {
                throw new IdempotencyKeyReusedException(
                        "This idempotency key was already used for another quote; use a new key per conversion");
            }
            Invoice invoice = Invoice.findById(((Number) earlier.get()[1]).longValue());
            metrics.replayed();
            return new Conversion(invoice, Contact.findById(invoice.contactId), true);
        }

        Quote quote = quotes.lock(visible);
        QuoteStatus status = quote.effectiveStatus(Times.today());
        QuoteRules.checkConvertible(status, status == QuoteStatus.CONVERTED ? invoiceNumberOf(quote.id) : null);
        List<QuoteLine> lines = quotes.linesOf(List.of(quote.id)).getOrDefault(quote.id, List.of());
        Contact buyer = contacts.lockForPurchase(quote.contactId);

        long number = counters.next(quote.teamId, TeamCounters.INVOICE);
        // dated after the number is taken, so dates follow numbers
        OffsetDateTime now = Times.now();
        Invoice invoice = new Invoice();
        invoice.teamId = quote.teamId;
        invoice.contactId = quote.contactId;
        invoice.quoteId = quote.id;
        invoice.currency = quote.currency;
        invoice.netTotal = quote.netTotal;
        invoice.taxTotal = quote.taxTotal;
        invoice.grossTotal = quote.grossTotal;
        invoice.issuedAt = now;
        invoice.issuedBy = caller.actor();
        invoice.number = number;
        invoice.persist();
        for (QuoteLine line : lines) {
            InvoiceLine.copyOf(line, invoice).persist();
        }
        quote.status = QuoteStatus.CONVERTED;
        quote.convertedAt = quote.updatedAt = now;
        quotes.emit(quote, EventType.QUOTE_CONVERTED);
        events.emit(invoice.teamId, EventType.INVOICE_ISSUED, Ids.encode("Invoice", invoice.id), Payload.of()
                .put("invoiceId", Ids.encode("Invoice", invoice.id))
                .put("number", invoice.number)
                .put("quoteId", Ids.encode("Quote", quote.id))
                .put("contactId", Ids.encode("Contact", invoice.contactId))
                .put("currency", invoice.currency)
                .put("netTotal", Money.of(invoice.netTotal, invoice.currency))
                .put("taxTotal", Money.of(invoice.taxTotal, invoice.currency))
                .put("grossTotal", Money.of(invoice.grossTotal, invoice.currency))
                .put("issuedAt", invoice.issuedAt)
                .put("issuedBy", invoice.issuedBy)
                .build());
        Contact contact;
        try {
            contact = contacts.purchase(buyer, StageTrigger.QUOTE_CONVERSION, now);
        } catch (InvalidTransitionException e) {
            throw new QuoteNotConvertibleException("The quote's contact cannot become a client now (" + e.getMessage()
                    + "); reopen it first");
        }
        int recorded = em.createNativeQuery("insert into idempotency_key (caller, key, team_id, quote_id, invoice_id, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (caller, key) do nothing")
                .setParameter(1, subject).setParameter(2, input.idempotencyKey()).setParameter(3, quote.teamId)
                .setParameter(4, quote.id).setParameter(5, invoice.id).setParameter(6, now).executeUpdate();
        if (recorded == 0) {
            // the key is taken, by a call this caller can no longer see (its token lost that team)
            throw new IdempotencyKeyReusedException("This idempotency key was already used; use a new key per conversion");
        }
        return new Conversion(invoice, contact, false);
    }

    private Optional<Object[]> earlierCall(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select quote_id, invoice_id from idempotency_key"
                + " where caller = ?1 and key = ?2").setParameter(1, subject).setParameter(2, key).getResultList();
        return rows.stream().findFirst();
    }

    private Long invoiceNumberOf(long quoteId) {
        return Invoice.<Invoice>find("quoteId", quoteId).firstResultOptional().map(i -> i.number).orElse(null);
    }

    // ------------------------------------------------------------------ reads

    public Optional<Invoice> find(String id) {
        return TeamScopedQuery.of(Invoice.class, caller).byId("Invoice", id);
    }

    /** The invoices behind opaque ids that belong to the caller's teams, keyed by those ids: one statement. */
    public Map<String, Invoice> findAll(List<String> ids) {
        return TeamScopedQuery.of(Invoice.class, caller).byIds("Invoice", ids);
    }

    public InvoiceConnection list(InvoiceFilter filter, PageRequest page) {
        validator.check("filter", filter);
        TeamScopedQuery<Invoice> query = TeamScopedQuery.of(Invoice.class, caller);
        if (filter != null) {
            query.inTeam(filter.team()).ofContact(filter.contactId());
            if (filter.issuedSince() != null) {
                query.and("issuedAt >= :since", "since", filter.issuedSince());
            }
        }
        return InvoiceConnection.of(query.newestFirst(page));
    }

    /** Lines of several invoices at once, in position order. */
    public Map<Long, List<InvoiceLine>> linesOf(List<Long> invoiceIds) {
        Map<Long, List<InvoiceLine>> lines = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            InvoiceLine.<InvoiceLine>list("invoiceId in ?1 order by invoiceId, position", invoiceIds)
                    .forEach(l -> lines.computeIfAbsent(l.invoiceId, k -> new ArrayList<>()).add(l));
        }
        return lines;
    }

    /** The invoices of several quotes at once (Quote.invoice); absent where a quote has none. */
    public Map<Long, Invoice> byQuote(List<Long> quoteIds) {
        Map<Long, Invoice> found = new HashMap<>();
        if (!quoteIds.isEmpty()) {
            TeamScopedQuery.of(Invoice.class, caller).and("quoteId in :ids", "ids", quoteIds).list(null)
                    .forEach(i -> found.put(i.quoteId, i));
        }
        return found;
    }
}
