package dev.funnel.imports;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Errors;
import dev.funnel.support.Imports;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Contact import and export with real files, through HTTP and GraphQL (docs/imports.md). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ContactImportTest {

    private static final String CONTACTS = "query($t: String) { contacts(filter: {team: $t}, orderBy: {field: NAME, direction: ASC}, first: 200)"
            + " { edges { node { id displayName email externalId phone country sector source stage offerKnowledge version updatedAt"
            + " stageHistory { trigger to } } } } }";

    private static List<Map<String, Object>> contacts(String team) {
        return Api.ok(Tokens.sales(team), CONTACTS, "t", team).getList("data.contacts.edges.node");
    }

    private static byte[] utf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        return file;
    }

    @Test
    void aFrenchExcelFileWithBomSemicolonsAndQuotedLineBreaksIsReadAsWritten() {
        String team = aTeam();
        String file = "Nom;Prénom;E-mail;Pays;Secteur;offerKnowledge;Couleur préférée\r\n"
                + "Lefèvre;François;francois@example.fr;fr;Bâtiment;\"Connaît l'offre;\r\nvue au salon\";bleu\r\n"
                + "Zoë;Anaïs;\"anais@example.fr\";BE;;;\r\n"
                + ";;;;;;\r\n"
                + "Øster;Åse;ase@example.no;NO;Pêche;\"dit \"\"oui\"\"\";vert\r\n";
        Response up = Imports.upload(Tokens.sales(team), team, utf8Bom(file));
        assertEquals(201, up.statusCode(), up.asString());
        JsonPath job = up.jsonPath();
        assertEquals("UTF-8 (BOM)", job.getString("encoding"));
        assertEquals(";", job.getString("delimiter"));
        assertEquals(3, job.getInt("rowsTotal"));
        assertEquals(List.of("Couleur préférée"), job.getList("unknownColumns"));
        assertEquals(List.of("LAST_NAME", "FIRST_NAME", "EMAIL", "COUNTRY", "SECTOR", "OFFER_KNOWLEDGE"),
                job.getList("columns.field").subList(0, 6));

        Map<String, Object> done = Imports.run(Tokens.sales(team), job.getString("id"), "EMAIL", false);
        assertEquals("COMPLETED", done.get("status"));
        assertEquals(3, done.get("created"));
        assertEquals(0, done.get("failed"));
        List<Map<String, Object>> imported = contacts(team);
        assertEquals(List.of("Anaïs Zoë", "François Lefèvre", "Åse Øster"), imported.stream().map(c -> (String) c.get("displayName")).toList());
        Map<String, Object> francois = imported.get(1);
        assertEquals("Connaît l'offre;\r\nvue au salon", francois.get("offerKnowledge"));
        assertEquals("FR", francois.get("country"));
        assertEquals("Bâtiment", francois.get("sector"));
        assertEquals("dit \"oui\"", imported.get(2).get("offerKnowledge"));

        // the report: one line per row, where each record starts in the file (the quoted line break makes line 2 span two)
        List<List<String>> report = Imports.csv(Tokens.sales(team), "/imports/" + job.getString("id") + "/report.csv");
        assertEquals(List.of("line", "result", "code", "field", "message", "contactId", "Nom", "Prénom"), report.get(0).subList(0, 8));
        assertEquals(List.of("2", "4", "6"), report.subList(1, 4).stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("CREATED", "CREATED", "CREATED"), report.subList(1, 4).stream().map(r -> r.get(1)).toList());
        assertEquals(francois.get("id"), report.get(1).get(5));
    }

    @Test
    void aWindows1252FileKeepsItsAccents() {
        String team = aTeam();
        String file = "displayName,email,sector\r\nSociété Générale Æ,sg@example.fr,Crédit – épargne\r\nCafé Noël,noel@example.fr,Hôtellerie\r\n";
        String id = Imports.uploaded(Tokens.sales(team), team, file.getBytes(Charset.forName("windows-1252")));
        JsonPath job = Imports.job(Tokens.sales(team), id);
        assertEquals("windows-1252", job.getString("data.importJob.encoding"));
        assertEquals(",", job.getString("data.importJob.delimiter"));
        assertEquals(2, Imports.run(Tokens.sales(team), id, "EMAIL", false).get("created"));
        assertEquals(List.of("Café Noël", "Société Générale Æ"), contacts(team).stream().map(c -> c.get("displayName")).toList());
        assertEquals("Crédit – épargne", contacts(team).get(1).get("sector"));
    }

    @Test
    void aDryRunWritesNothingThenTheRealRunDoesWhatItSaid() {
        String team = aTeam();
        String existing = aContact().inTeam(team).named("Already Here").with("email", "here@example.com").create();
        String file = "name\temail\tsource\tphone\n"
                + "Already Here\t HERE@example.com \tOTHER\t+33 1 23 45 67 89\n"
                + "Web Lead\tweb@example.com\tweb form\t\n"
                + "Bad Mail\tnot-an-email\tOTHER\t\n"
                + "Twice\tTWICE@example.com\tOTHER\t\n"
                + "Twice Again\ttwice@example.com \tOTHER\t\n"
                + "No Key\t\tOTHER\t\n";
        String id = Imports.uploaded(Tokens.sales(team), team, file.getBytes(StandardCharsets.UTF_8));
        assertEquals("TAB", Imports.job(Tokens.sales(team), id).getString("data.importJob.delimiter"));

        Map<String, Object> dry = Imports.run(Tokens.sales(team), id, "EMAIL", true);
        assertEquals(Map.of("created", 2, "updated", 1, "unchanged", 0, "skipped", 1, "failed", 2), counts(dry));
        assertEquals(true, dry.get("dryRun"));
        assertEquals(List.of("Already Here"), contacts(team).stream().map(c -> c.get("displayName")).toList(), "a dry run writes no contact");

        Map<String, Object> real = Imports.run(Tokens.sales(team), id, "EMAIL", false);
        assertEquals(counts(dry), counts(real), "the real run does what the dry run said");
        List<Map<String, Object>> after = contacts(team);
        assertEquals(List.of("Already Here", "Twice", "Web Lead"), after.stream().map(c -> c.get("displayName")).toList());
        assertEquals("+33 1 23 45 67 89", after.get(0).get("phone"));
        assertEquals("here@example.com", after.get(0).get("email"), "an e-mail that differs only in case is not a change");
        assertEquals(existing, after.get(0).get("id"));
        // the lifecycle applies: a web form's contact is a lead at once, and the import is the trigger of every move
        Map<String, Object> web = after.get(2);
        assertEquals("LEAD", web.get("stage"));
        assertEquals(List.of("IMPORT", "IMPORT"), triggers(web));
        assertEquals(List.of("IMPORT"), triggers(after.get(1)));

        List<List<String>> report = Imports.csv(Tokens.sales(team), "/imports/" + id + "/report.csv");
        Map<String, List<String>> byLine = report.subList(1, report.size()).stream().collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertEquals(List.of("4", "FAILED", "VALIDATION", "email"), byLine.get("4").subList(0, 4));
        assertEquals(List.of("6", "SKIPPED", "DUPLICATE", "email"), byLine.get("6").subList(0, 4));
        assertTrue(byLine.get("6").get(4).contains("line 5"), byLine.get("6").get(4));
        assertEquals(List.of("7", "FAILED", "VALIDATION", "email"), byLine.get("7").subList(0, 4));
        assertEquals("UPDATED", byLine.get("2").get(1));
    }

    @Test
    void theSameFileTwiceChangesNothingTheSecondTime() {
        String team = aTeam();
        StringBuilder file = new StringBuilder("externalId,displayName,email,employeeCount,annualRevenue,decisionMaker,roles\n");
        for (int i = 0; i < 1_200; i++) {
            file.append("crm-").append(i).append(",Person ").append(i).append(",p").append(i).append("@example.com,")
                    .append(i % 50).append(",\"1 234,50\",oui,").append(i % 3 == 0 ? "PARTNER|SUPPLIER" : "").append('\n');
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        String first = Imports.uploaded(Tokens.sales(team), team, bytes);
        Map<String, Object> one = Imports.run(Tokens.sales(team), first, "EXTERNAL_ID", false);
        assertEquals(Map.of("created", 1_200, "updated", 0, "unchanged", 0, "skipped", 0, "failed", 0), counts(one));
        List<String> before = versions(team);

        String second = Imports.uploaded(Tokens.sales(team), team, bytes);
        Map<String, Object> two = Imports.run(Tokens.sales(team), second, "EXTERNAL_ID", false);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 1_200, "skipped", 0, "failed", 0), counts(two));
        assertEquals(before, versions(team), "no contact was written the second time");
        assertEquals(1_200, Api.ok(Tokens.sales(team), "query($t: String) { contacts(filter: {team: $t}) { totalCount } }", "t", team)
                .getInt("data.contacts.totalCount"));
    }

    @Test
    void anotherTeamsContactWithTheSameEmailIsUntouched() {
        String mine = aTeam();
        String theirs = aTeam();
        String theirContact = aContact().inTeam(theirs).named("Their Person").with("email", "shared@example.com").create();
        String file = "displayName,email,sector\nMy Person,shared@example.com,Retail\n";
        String id = Imports.uploaded(Tokens.sales(mine), mine, file.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, Imports.run(Tokens.sales(mine), id, "EMAIL", false).get("created"));
        Map<String, Object> theirsAfter = contacts(theirs).get(0);
        assertEquals(theirContact, theirsAfter.get("id"));
        assertEquals("Their Person", theirsAfter.get("displayName"));
        assertNull(theirsAfter.get("sector"));
        assertEquals(1, theirsAfter.get("version"));
        // their job, report and contacts are none of this team's business
        String theirJob = Imports.uploaded(Tokens.sales(theirs), theirs, file.getBytes(StandardCharsets.UTF_8));
        assertNull(Api.ok(Tokens.sales(mine), "query($id: ID!) { importJob(id: $id) { id } }", "id", theirJob).get("data.importJob"));
        Errors.assertError(Imports.start(Tokens.sales(mine), theirJob, "EMAIL", false, null), "NOT_FOUND", null);
        JsonPath notFound = given().header("Authorization", "Bearer " + Tokens.sales(mine)).when()
                .get("/imports/" + theirJob + "/report.csv").then().statusCode(404).extract().jsonPath();
        assertEquals("NOT_FOUND", notFound.getString("errors[0].extensions.code"));
        assertEquals(List.of(ContactCsvHeader.HEADER), Imports.csv(Tokens.sales(mine), "/exports/contacts.csv?team=" + theirs));
        assertEquals(404, Imports.upload(Tokens.sales(mine), theirs, file.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void anExportReimportedChangesNothing() {
        String team = aTeam();
        String org = aContact().inTeam(team).named("=HYPERLINK(\"http://evil\")").with("kind", "ORGANIZATION").create();
        aContact().inTeam(team).named("Ana").with("email", "ana@example.com").with("organizationId", org).with("phone", "+33 6 12 34 56 78")
                .with("annualRevenue", "250000").with("roles", List.of("PARTNER")).with("knownNeed", true).create();
        aContact().inTeam(team).named("Bob, \"the\" builder").with("externalId", "ext-1").source("WEB_FORM").create();
        List<List<String>> export = Imports.csv(Tokens.sales(team), "/exports/contacts.csv?team=" + team);
        assertEquals(ContactCsvHeader.HEADER, export.get(0));
        assertEquals(4, export.size());
        List<String> orgRow = export.stream().filter(r -> r.get(0).equals(org)).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil\")", orgRow.get(3), "a formula is written after an apostrophe");
        List<String> ana = export.stream().filter(r -> "Ana".equals(r.get(3))).findFirst().orElseThrow();
        assertEquals("+33 6 12 34 56 78", ana.get(5), "a phone number is not a formula");
        assertEquals(org, ana.get(6));
        // only leads: the same filter as contacts
        assertEquals(2, Imports.csv(Tokens.sales(team), "/exports/contacts.csv?team=" + team + "&stages=LEAD").size());
        List<String> before = versions(team);

        StringBuilder file = new StringBuilder();
        export.forEach(r -> file.append(r.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","))).append("\r\n"));
        String id = Imports.uploaded(Tokens.sales(team), team, file.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), Imports.job(Tokens.sales(team), id).getList("data.importJob.unknownColumns"));
        Map<String, Object> done = Imports.run(Tokens.sales(team), id, "ID", false);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 3, "skipped", 0, "failed", 0), counts(done));
        assertEquals(before, versions(team));
        // Excel's flavour: a byte order mark and semicolons
        byte[] excel = given().header("Authorization", "Bearer " + Tokens.sales(team)).when()
                .get("/exports/contacts.csv?excel=true&team=" + team).then().statusCode(200).extract().asByteArray();
        assertEquals(0xEF, excel[0] & 0xFF);
        assertTrue(new String(excel, StandardCharsets.UTF_8).startsWith("\uFEFFid;externalId;kind;"));
    }

    @Test
    void interactionsQuotesAndInvoicesExportTheirTeamsRowsOnly() {
        String team = aTeam();
        String other = aTeam();
        String contact = aContact().inTeam(team).named("Exported").source("REFERRAL").atStage("PROSPECT");
        dev.funnel.support.Fixtures.interact(team, contact, "EMAIL", "OUTBOUND");
        String invoice = Quotes.convert(Tokens.billing(team), Quotes.aSentQuote(team, contact), "export-" + team)
                .getString("data.convertQuote.invoice.id");
        String open = Quotes.aSentQuote(team, contact);
        String theirs = aContact().inTeam(other).named("Not exported").source("REFERRAL").atStage("PROSPECT");
        Quotes.aSentQuote(other, theirs);
        dev.funnel.support.Fixtures.interact(other, theirs, "EMAIL", "OUTBOUND");

        List<List<String>> interactions = Imports.csv(Tokens.sales(team, other), "/exports/interactions.csv?team=" + team);
        assertEquals(List.of("id", "contactId", "channel", "direction", "occurredAt", "summary", "author", "createdAt"), interactions.get(0));
        assertTrue(interactions.size() >= 2 && interactions.subList(1, interactions.size()).stream().allMatch(r -> r.get(1).equals(contact)),
                interactions.toString());
        List<List<String>> quotes = Imports.csv(Tokens.billing(team), "/exports/quotes.csv");
        assertEquals(3, quotes.size(), quotes.toString());
        assertEquals(List.of("CONVERTED", "SENT"), quotes.subList(1, 3).stream().map(r -> r.get(3)).toList());
        assertEquals(open, quotes.get(2).get(0));
        List<List<String>> invoices = Imports.csv(Tokens.billing(team), "/exports/invoices.csv?from=2000-01-01T00:00:00Z");
        assertEquals(List.of(invoice, contact), invoices.get(1).subList(0, 2));
        assertEquals(2, invoices.size());
        assertEquals(1, Imports.csv(Tokens.billing(team), "/exports/invoices.csv?to=2000-01-01T00:00:00Z").size());
        // billing reads quotes and invoices, not contacts or interactions
        assertEquals(403, given().header("Authorization", "Bearer " + Tokens.billing(team)).when().get("/exports/interactions.csv")
                .then().extract().statusCode());
        assertEquals(403, given().header("Authorization", "Bearer " + Tokens.billing(team)).when().get("/exports/contacts.csv")
                .then().extract().statusCode());
        JsonPath bad = given().header("Authorization", "Bearer " + Tokens.billing(team)).when().get("/exports/quotes.csv?from=yesterday")
                .then().statusCode(400).extract().jsonPath();
        assertEquals("VALIDATION", bad.getString("errors[0].extensions.code"));
        assertEquals("from", bad.getString("errors[0].extensions.field"));
    }

    @Test
    void columnsAreMappedByNameOrByTheImport() {
        String team = aTeam();
        String file = "Raison sociale,Courriel pro,stage\nAcme,contact@acme.example,CLIENT\n";
        String id = Imports.uploaded(Tokens.sales(team), team, file.getBytes(StandardCharsets.UTF_8));
        JsonPath job = Imports.job(Tokens.sales(team), id);
        assertEquals(List.of("Raison sociale", "Courriel pro"), job.getList("data.importJob.unknownColumns"));
        assertEquals(List.of("UNKNOWN", "UNKNOWN", "READ_ONLY"), job.getList("data.importJob.columns.status"));
        Errors.assertError(Imports.start(Tokens.sales(team), id, "EMAIL", false, null), "VALIDATION", "input.upsertKey");
        Errors.assertError(Imports.start(Tokens.sales(team), id, "EMAIL", false, List.of(Map.of("column", "Nope", "field", "EMAIL"))),
                "VALIDATION", "input.mapping[0].column");
        JsonPath started = Imports.start(Tokens.sales(team), id, "EMAIL", false,
                List.of(Map.of("column", "Courriel pro", "field", "EMAIL"), Map.of("column", "Raison sociale", "field", "DISPLAY_NAME")));
        assertNull(started.get("errors"));
        Map<String, Object> done = Imports.finished(Tokens.sales(team), id);
        assertEquals(1, done.get("created"));
        Map<String, Object> acme = contacts(team).get(0);
        assertEquals("Acme", acme.get("displayName"));
        assertEquals("SUSPECT", acme.get("stage"), "a stage column is read, never written");
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWithTheirReasonAndLeaveNothing() {
        String team = aTeam();
        String token = Tokens.sales(team);
        refused(Imports.upload(token, team, new byte[0]), 400, "VALIDATION", "EMPTY_FILE");
        refused(Imports.upload(token, team, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' }), 400, "VALIDATION", "BINARY_FILE");
        refused(Imports.upload(token, team, new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 }), 400, "VALIDATION", "BINARY_FILE");
        refused(Imports.upload(token, team, "displayName,email\r\n".getBytes(StandardCharsets.UTF_8)), 400, "VALIDATION", "NO_ROWS");
        refused(Imports.upload(token, team, "displayName,email\r\nAna,\"ana@example.com\r\n".getBytes(StandardCharsets.UTF_8)),
                400, "VALIDATION", "MALFORMED_CSV");
        String wide = "displayName," + "c,".repeat(9_999) + "\nAna," + "x,".repeat(9_999) + "\n";
        refused(Imports.upload(token, team, wide.getBytes(StandardCharsets.UTF_8)), 413, "LIMIT_EXCEEDED", "TOO_MANY_COLUMNS");
        String big = "displayName,offerKnowledge\nAna,\"" + "x".repeat(1 << 20) + "\"\n";
        refused(Imports.upload(token, team, big.getBytes(StandardCharsets.UTF_8)), 413, "LIMIT_EXCEEDED", "FIELD_TOO_LARGE");
        // valid UTF-8 for the first 64 KiB, then a byte that is not: refused whole, not imported in part
        StringBuilder late = new StringBuilder("displayName,email\n");
        for (int i = 0; late.length() < 100_000; i++) {
            late.append("Person ").append(i).append(",p").append(i).append("@example.com\n");
        }
        byte[] head = late.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(head, head.length + 8);
        System.arraycopy(new byte[] { 'X', (byte) 0xC3, '(', ',', 'x', '@', 'y', '\n' }, 0, bad, head.length, 8);
        refused(Imports.upload(token, team, bad), 400, "VALIDATION", "ENCODING");
        // billing has no business with contacts; no token is no caller
        Response billing = Imports.upload(Tokens.billing(team), team, "displayName\nAna\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(403, billing.statusCode());
        assertEquals("FORBIDDEN", billing.jsonPath().getString("errors[0].extensions.code"));
        Response anonymous = given().contentType("text/csv").body("displayName\nAna\n").when().post("/imports/contacts");
        assertEquals(401, anonymous.statusCode());
        assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("errors[0].extensions.code"));
        assertEquals(0, Api.ok(token, "query($t: String) { contacts(filter: {team: $t}) { totalCount } }", "t", team)
                .getInt("data.contacts.totalCount"));
    }

    private static void refused(Response r, int status, String code, String reason) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals(code, r.jsonPath().getString("errors[0].extensions.code"), r.asString());
        assertEquals(reason, r.jsonPath().getString("errors[0].extensions.reason"), r.asString());
        assertEquals("file", r.jsonPath().getString("errors[0].extensions.field"));
    }

    private static Map<String, Object> counts(Map<String, Object> job) {
        return Map.of("created", job.get("created"), "updated", job.get("updated"), "unchanged", job.get("unchanged"),
                "skipped", job.get("skipped"), "failed", job.get("failed"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> triggers(Map<String, Object> contact) {
        return ((List<Map<String, Object>>) contact.get("stageHistory")).stream().map(s -> (String) s.get("trigger")).toList();
    }

    /** Every contact of the team as id:version:updatedAt, in id order: what any write would change. */
    private static List<String> versions(String team) {
        List<String> all = new ArrayList<>();
        String after = null;
        while (true) {
            JsonPath page = Api.ok(Tokens.sales(team), "query($t: String, $a: String) { contacts(filter: {team: $t}, first: 200, after: $a)"
                    + " { edges { node { id version updatedAt } } pageInfo { hasNextPage endCursor } } }", "t", team, "a", after);
            page.<Map<String, Object>>getList("data.contacts.edges.node")
                    .forEach(n -> all.add(n.get("id") + ":" + n.get("version") + ":" + n.get("updatedAt")));
            if (!page.getBoolean("data.contacts.pageInfo.hasNextPage")) {
                break;
            }
            after = page.getString("data.contacts.pageInfo.endCursor");
        }
        all.sort(Comparator.naturalOrder());
        return all;
    }
}
