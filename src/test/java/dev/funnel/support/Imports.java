package dev.funnel.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Contact imports as a client runs them: the file over HTTP, the run and its progress over GraphQL (docs/imports.md). */
public final class Imports {

    public static final String JOB = "id status rowsTotal rowsDone created updated unchanged skipped failed encoding delimiter"
            + " unknownColumns dryRun errorCode errorMessage columns { name field status } reportUrl";

    private Imports() {
    }

    /** POST /imports/contacts; the raw response. */
    public static Response upload(String token, String team, byte[] file) {
        return given().header("Authorization", "Bearer " + token).contentType("text/csv").body(file)
                .queryParam("team", team).queryParam("fileName", "contacts.csv")
                .when().post("/imports/contacts");
    }

    /** Uploads a file that must be accepted; returns the job's id. */
    public static String uploaded(String token, String team, byte[] file) {
        Response r = upload(token, team, file);
        if (r.statusCode() != 201) {
            throw new AssertionError("upload refused: " + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath().getString("id");
    }

    public static JsonPath start(String token, String job, String key, boolean dryRun, List<Map<String, Object>> mapping) {
        Map<String, Object> input = new java.util.LinkedHashMap<>(Map.of("job", job, "upsertKey", key, "dryRun", dryRun));
        if (mapping != null) {
            input.put("mapping", mapping);
        }
        return Api.call(token, "mutation($i: StartContactImportInput!) { startContactImport(input: $i) { " + JOB + " } }", "i", input);
    }

    public static JsonPath job(String token, String job) {
        return Api.ok(token, "query($id: ID!) { importJob(id: $id) { " + JOB + " } }", "id", job);
    }

    /** Starts a run and waits until it is no longer RUNNING; returns the job as it ended. */
    public static Map<String, Object> run(String token, String job, String key, boolean dryRun) {
        JsonPath started = start(token, job, key, dryRun, null);
        if (started.get("errors") != null) {
            throw new AssertionError("start refused: " + started.prettify());
        }
        return finished(token, job);
    }

    public static Map<String, Object> finished(String token, String job) {
        return Await.until(() -> job(token, job).<String, Object>getMap("data.importJob"), j -> !"RUNNING".equals(j.get("status")),
                Duration.ofSeconds(60), "import " + job + " finished");
    }

    /** GET a CSV resource; its records, header first. */
    public static List<List<String>> csv(String token, String path) {
        String body = given().header("Authorization", "Bearer " + token).when().get(path)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        return parse(body);
    }

    public static List<List<String>> parse(String body) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(body))) {
            reader.forEach(r -> records.add(r.getFields()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
