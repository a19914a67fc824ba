package dev.funnel.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import dev.funnel.common.Cursor;
import dev.funnel.common.ErrorCode;
import dev.funnel.common.FunnelException;
import dev.funnel.common.Ids;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.Page;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactFilter;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.OwnerScope;
import dev.funnel.contact.Source;
import dev.funnel.contact.Stage;
import dev.funnel.contact.Temperature;
import dev.funnel.graphql.HttpErrors;
import dev.funnel.security.CallerContext;
import dev.funnel.security.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.VertxInputStream;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * File transfer beside {@code /graphql} (docs/imports.md), with the same bearer token and error
 * shape: {@code POST /imports/contacts} streams a CSV file into an import job,
 * {@code GET /imports/{id}/report.csv} streams its row-by-row report, and
 * {@code GET /exports/contacts.csv} streams the contacts of a filter. Each runs on a worker thread
 * in a request context with the caller's identity, so team scope and row-level security apply as
 * to any request; none holds a whole file in memory.
 */
@ApplicationScoped
public class ImportRoutes {

    private static final Logger LOG = Logger.getLogger(ImportRoutes.class);
    /** Bytes written to the response at a time; each write waits for the client to take the previous ones. */
    private static final int CHUNK = 64 * 1024;
    private static final int EXPORT_PAGE = 1000;
    private static final int REPORT_PAGE = 2000;
    private static final long READ_TIMEOUT_MS = 60_000;

    private final ImportsConfig config;

    public ImportRoutes(ImportsConfig config) {
        this.config = config;
    }

    void routes(@Observes Router router) {
        router.post("/imports/contacts").blockingHandler(ctx -> asCaller(ctx, CONTACT_ROLES, this::upload), false);
        router.get("/imports/:id/report.csv").blockingHandler(ctx -> asCaller(ctx, CONTACT_ROLES, this::report), false);
        router.get("/exports/contacts.csv").blockingHandler(ctx -> asCaller(ctx, CONTACT_ROLES, this::exportContacts), false);
        router.get("/exports/interactions.csv").blockingHandler(ctx -> asCaller(ctx, CONTACT_ROLES,
                (c, i) -> exportRecords(c, RecordExport.INTERACTIONS)), false);
        // billing reads quotes and invoices (README, "Roles")
        router.get("/exports/quotes.csv").blockingHandler(ctx -> asCaller(ctx, BILLING_ROLES,
                (c, i) -> exportRecords(c, RecordExport.QUOTES)), false);
        router.get("/exports/invoices.csv").blockingHandler(ctx -> asCaller(ctx, BILLING_ROLES,
                (c, i) -> exportRecords(c, RecordExport.INVOICES)), false);
    }

    private static final List<String> CONTACT_ROLES = List.of(Role.SALES, Role.MANAGER, Role.ADMIN);
    private static final List<String> BILLING_ROLES = List.of(Role.SALES, Role.MANAGER, Role.ADMIN, Role.BILLING);

    private interface Handler {
        void handle(RoutingContext ctx, SecurityIdentity identity) throws IOException;
    }

    /** Runs the handler as the caller (a sales user, a manager or an admin), or answers 401 / 403. */
    private void asCaller(RoutingContext ctx, List<String> roles, Handler handler) {
        if (!(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            HttpErrors.send(ctx, 401, ErrorCode.UNAUTHENTICATED, null, Map.of(), HttpErrors.MESSAGE);
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (roles.stream().noneMatch(identity::hasRole)) {
            HttpErrors.send(ctx, 403, ErrorCode.FORBIDDEN, null, Map.of(),
                    "Your roles do not allow this request: it is for " + String.join(", ", roles));
            return;
        }
        CallerContext.run(identity, () -> {
            try {
                Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(ctx);
                handler.handle(ctx, identity);
            } catch (FileRejectedException e) {
                drain(ctx);
                HttpErrors.send(ctx, e.code() == ErrorCode.LIMIT_EXCEEDED ? 413 : 400, e.code(), "file",
                        Map.of("reason", e.reason().name()), e.getMessage());
            } catch (FunnelException e) {
                drain(ctx);
                int status = e.code() == ErrorCode.NOT_FOUND ? 404 : e.code() == ErrorCode.FORBIDDEN ? 403 : 400;
                HttpErrors.send(ctx, status, e.code(), e instanceof ValidationException v ? v.field() : null, Map.of(), e.getMessage());
            } catch (RuntimeException | IOException e) {
                LOG.error("File transfer failed", e);
                if (ctx.response().headWritten()) {
                    // a stream already under way cannot turn into an error: the client sees it cut short
                    ctx.response().reset();
                } else {
                    HttpErrors.send(ctx, 500, ErrorCode.INTERNAL, null, Map.of(),
                            "The server could not complete the request; its log tells why");
                }
            }
        });
    }

    // ------------------------------------------------------------------ POST /imports/contacts

    private void upload(RoutingContext ctx, SecurityIdentity identity) throws IOException {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxFileSize().asLongValue()) {
            throw new FileRejectedException(FileRejectedException.Reason.FILE_TOO_LARGE, "The file is larger than "
                    + config.maxFileSize().asLongValue() + " bytes (funnel.imports.max-file-size)");
        }
        ContactImports imports = Arc.container().instance(ContactImports.class).get();
        ImportJob job;
        try (InputStream body = new VertxInputStream(ctx, READ_TIMEOUT_MS)) {
            job = imports.upload(ctx.request().getParam("team"), ctx.request().getParam("fileName"), body);
        }
        ImportJobView view = imports.view(job);
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Location", "/imports/" + view.id())
                .end(json(view).encode());
    }

    /** The job as the GraphQL type ImportJob reads (its main fields). */
    static JsonObject json(ImportJobView v) {
        JsonArray columns = new JsonArray();
        v.columns().forEach(c -> columns.add(new JsonObject().put("index", c.index()).put("name", c.name())
                .put("field", c.field() == null ? null : c.field().name()).put("status", c.status().name())));
        return new JsonObject().put("id", v.id()).put("team", v.team()).put("fileName", v.fileName())
                .put("encoding", v.encoding()).put("delimiter", v.delimiter()).put("bytes", v.bytes())
                .put("rowsTotal", v.rowsTotal()).put("columns", columns).put("unknownColumns", new JsonArray(v.unknownColumns()))
                .put("status", v.status().name()).put("createdBy", v.createdBy()).put("createdAt", v.createdAt().toString())
                .put("reportUrl", v.reportUrl());
    }

    // ------------------------------------------------------------------ GET /imports/{id}/report.csv

    private void report(RoutingContext ctx, SecurityIdentity identity) throws IOException {
        String id = ctx.pathParam("id");
        ContactImports imports = Arc.container().instance(ContactImports.class).get();
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> imports.find(id))
                .orElseThrow(() -> new NotFoundException("import job", id));
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        List<String> header = new ArrayList<>(List.of("line", "result", "code", "field", "message", "contactId"));
        header.addAll(job.columns);
        try (CsvWriter csv = csv(ctx, "import-" + id + "-report.csv")) {
            csv.writeRecord(header);
            int[] after = { -1 };
            while (true) {
                List<String[]> page = QuarkusTransaction.requiringNew().call(() -> {
                    List<String[]> rows = new ArrayList<>();
                    try (Connection c = dataSource.getConnection();
                            // along the file's rows from the last page, each row's result looked up by its key (a
                            // join the planner could turn into a scan of every result of the job, page after page)
                            PreparedStatement s = c.prepareStatement("select i.line, r.result, r.code, r.field, r.message, r.contact_id,"
                                    + " i.fields from import_row i join lateral (select result, code, field, message, contact_id"
                                    + " from import_result r where r.job_id = i.job_id and r.line = i.line and r.attempt = ? limit 1) r on true"
                                    + " where i.job_id = ? and i.line > ? order by i.line limit ?")) {
                        s.setInt(1, job.attempt);
                        s.setLong(2, job.id);
                        s.setInt(3, after[0]);
                        s.setInt(4, REPORT_PAGE);
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                List<String> cells = new ArrayList<>(List.of(String.valueOf(r.getInt(1)), r.getString(2),
                                        nz(r.getString(3)), nz(r.getString(4)), nz(r.getString(5))));
                                long contact = r.getLong(6);
                                cells.add(r.wasNull() ? "" : Ids.encode("Contact", contact));
                                Arrays.stream((String[]) r.getArray(7).getArray()).map(ContactCsv::safe).forEach(cells::add);
                                after[0] = r.getInt(1);
                                rows.add(cells.toArray(String[]::new));
                            }
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not read an import's report", e);
                    }
                    return rows;
                });
                page.forEach(csv::writeRecord);
                if (page.size() < REPORT_PAGE) {
                    break;
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : ContactCsv.safe(s);
    }

    // ------------------------------------------------------------------ GET /exports/contacts.csv

    private void exportContacts(RoutingContext ctx, SecurityIdentity identity) throws IOException {
        ContactFilter filter = new ContactFilter(enums(ctx, "stages", Stage::valueOf), enums(ctx, "temperatures", Temperature::valueOf),
                enums(ctx, "sources", Source::valueOf), ctx.request().getParam("team"), ctx.request().getParam("search"),
                time(ctx, "updatedSince"), one(ctx, "owner", OwnerScope::valueOf), ctx.request().getParam("ownedBy"));
        ContactService contacts = Arc.container().instance(ContactService.class).get();
        // the filter is checked before the first byte goes out, so that a bad one is a 400, not a cut stream
        QuarkusTransaction.requiringNew().call(() -> contacts.exportPage(filter, null, 0));
        try (CsvWriter csv = csv(ctx, "contacts.csv")) {
            csv.writeRecord(ContactCsv.HEADER);
            Cursor after = null;
            boolean more = true;
            while (more) {
                Cursor from = after;
                ExportPage page = QuarkusTransaction.requiringNew().call(() -> {
                    Page<Contact> contactsPage = contacts.exportPage(filter, from, EXPORT_PAGE);
                    List<Contact> items = contactsPage.items();
                    return new ExportPage(items.stream().map(ContactCsv::row).toList(),
                            items.isEmpty() ? null : ContactService.exportCursor(items.get(items.size() - 1)), contactsPage.hasNextPage());
                });
                page.rows().forEach(csv::writeRecord);
                after = page.last();
                more = page.more() && after != null;
            }
        }
    }

    /** A page of the export, as CSV records, with where the next one starts. */
    private record ExportPage(List<String[]> rows, Cursor last, boolean more) {
    }

    // ------------------------------------------------------------------ GET /exports/{interactions,quotes,invoices}.csv

    private void exportRecords(RoutingContext ctx, RecordExport export) throws IOException {
        OffsetDateTime from = time(ctx, "from");
        OffsetDateTime to = time(ctx, "to");
        dev.funnel.security.Caller caller = Arc.container().instance(dev.funnel.security.Caller.class).get();
        String code = ctx.request().getParam("team");
        List<Long> teamIds = QuarkusTransaction.requiringNew().call(caller::teamIds);
        Long team = code == null ? null : QuarkusTransaction.requiringNew().call(() -> caller.teamIdOf(code));
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (CsvWriter csv = csv(ctx, export.name().toLowerCase(java.util.Locale.ROOT) + ".csv")) {
            csv.writeRecord(export.header);
            long[] last = { 0 };
            while (true) {
                List<String[]> page = QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return export.page(c, teamIds, team, from, to, last[0], last);
                    }
                });
                page.forEach(csv::writeRecord);
                if (page.size() < RecordExport.PAGE) {
                    break;
                }
            }
        }
    }

    private static <E> List<E> enums(RoutingContext ctx, String name, Function<String, E> parse) {
        List<String> values = new ArrayList<>();
        for (String v : ctx.queryParam(name)) {
            values.addAll(Arrays.asList(v.split(",")));
        }
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().map(v -> parse(name, v.strip(), parse)).toList();
    }

    private static <E> E one(RoutingContext ctx, String name, Function<String, E> parse) {
        String v = ctx.request().getParam(name);
        return v == null ? null : parse(name, v, parse);
    }

    private static <E> E parse(String name, String value, Function<String, E> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, name + " has no value '" + value + "'");
        }
    }

    private static OffsetDateTime time(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        try {
            return v == null ? null : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, name + " must be a date-time with an offset (2026-01-31T00:00:00Z)");
        }
    }

    // ------------------------------------------------------------------ streaming

    /**
     * A CSV writer on the response: UTF-8, CRLF, with a byte order mark and ; as delimiter when the
     * query asks for {@code excel=true} (what spreadsheets in Europe open directly).
     */
    private static CsvWriter csv(RoutingContext ctx, String fileName) throws IOException {
        boolean excel = "true".equals(ctx.request().getParam("excel"));
        ctx.response().setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        OutputStream out = new ResponseStream(ctx);
        if (excel) {
            out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        }
        return CsvWriter.builder().fieldSeparator(excel ? ';' : ',').lineDelimiter(LineDelimiter.CRLF)
                .build(out, StandardCharsets.UTF_8);
    }

    /** The response as an output stream: each chunk waits until the previous one was written (back-pressure). */
    private static final class ResponseStream extends OutputStream {

        private final RoutingContext ctx;
        private Buffer buffer = Buffer.buffer(CHUNK);

        ResponseStream(RoutingContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
            if (buffer.length() >= CHUNK) {
                send();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
            if (buffer.length() >= CHUNK) {
                send();
            }
        }

        private void send() {
            if (buffer.length() == 0) {
                return;
            }
            Buffer chunk = buffer;
            buffer = Buffer.buffer(CHUNK);
            try {
                ctx.response().write(chunk).toCompletionStage().toCompletableFuture().join();
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("The client went away", e));
            }
        }

        @Override
        public void close() {
            send();
            ctx.response().end();
        }
    }

    // ------------------------------------------------------------------ errors

    /** Reads what is left of a refused upload, so that the client gets the answer instead of a reset connection. */
    private static void drain(RoutingContext ctx) {
        if (!ctx.request().isEnded()) {
            ctx.request().handler(b -> {
            }).resume();
        }
    }
}
