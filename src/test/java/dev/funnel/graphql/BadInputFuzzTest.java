package dev.funnel.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.funnel.common.ErrorCode;
import dev.funnel.support.Api;
import dev.funnel.support.Db;
import dev.funnel.support.Fixtures;
import dev.funnel.support.Quotes;
import dev.funnel.support.RawHttp;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Bad input of every kind, generated from the running schema (read by introspection, so a new
 * operation or argument is fuzzed without editing this test) with jqwik's generators: for every
 * query and mutation, values of the wrong type, nulls, huge and odd strings, unknown input fields,
 * ids of another team or of another type; and HTTP bodies that are not requests at all. Whatever
 * comes in: no 5xx, every error carries a code of the contract and none is INTERNAL, and a
 * mutation that was refused wrote nothing.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputFuzzTest {

    /** Documents with variables, per operation and round. */
    private static final int ROUNDS = 60;
    private static final Set<String> CODES = Set.of(ErrorCode.values()).stream().map(Enum::name)
            .filter(c -> !c.equals("INTERNAL")).collect(java.util.stream.Collectors.toSet());
    private static final List<String> TABLES = List.of("contact", "interaction", "stage_change", "quote", "quote_line",
            "invoice", "invoice_line", "team");

    private Map<String, Map<String, Object>> types;
    private final List<Object> ids = new ArrayList<>();
    private int cases;

    @Test
    void noInputBreaksTheApi() {
        String red = Fixtures.aTeam();
        String blue = Fixtures.aTeam();
        String redContact = Fixtures.aContact().inTeam(red).atStage("PROSPECT");
        String redQuote = Quotes.aSentQuote(red, redContact);
        String blueContact = Fixtures.aContact().inTeam(blue).atStage("PROSPECT");
        ids.addAll(List.of(redContact, redQuote, blueContact, Quotes.aSentQuote(blue, blueContact), "Q29udGFjdDo5OTk5OTk5",
                "not-an-id", "", "Q29udGFjdDotMQ", "UXVvdGU6MQ"));
        String token = Tokens.manager(red);
        types = schemaTypes(Tokens.admin());

        for (String root : List.of("Query", "Mutation")) {
            for (Map<String, Object> op : list(types.get(root).get("fields"))) {
                for (int round = 0; round < ROUNDS; round++) {
                    fuzzOperation(token, root, op, round);
                }
            }
        }
        Arbitrary<String> bodies = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                anyJson(3).map(Json::encode), Arbitraries.just("{\"query\":\"{ me { name } }\",\"variables\":{\"x\":\"\\u0000\"}}"),
                anyJson(2).map(v -> Json.encode(java.util.Collections.singletonMap("query", v))),
                anyJson(2).map(v -> Json.encode(java.util.Arrays.asList(v, v))));
        bodies.sampleStream().limit(1000).forEach(body -> {
            cases++;
            check("body " + body, post(token, body), false);
        });
        // the same parameters over GET, raw: any query string, malformed escapes included
        Arbitraries.strings().withChars("{}() $!:=&%_-.0123456789abcdefmnqruyAF").ofMaxLength(120).sampleStream().limit(300)
                .forEach(raw -> {
                    String query = raw.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D").replace("$", "%24");
                    cases++;
                    RawHttp.Answer answer = RawHttp.get("/graphql?query=" + query, token);
                    if (answer.status() >= 500) {
                        fail("HTTP " + answer.status() + " for GET ?query=" + query + ": " + answer.body());
                    }
                    // a query string that does not decode is refused by the HTTP server itself: 400, no body
                    if (!(answer.status() == 400 && answer.body().isEmpty())) {
                        checkBody("GET ?query=" + query, answer.status(), answer.body());
                    }
                });
        assertTrue(cases > 2000, "only " + cases + " cases ran");
    }

    private void fuzzOperation(String token, String root, Map<String, Object> op, int round) {
        List<Map<String, Object>> args = list(op.get("args"));
        Map<String, Object> variables = new LinkedHashMap<>();
        List<String> declarations = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        for (Map<String, Object> arg : args) {
            String name = (String) arg.get("name");
            declarations.add("$" + name + ": " + typeName(arg.get("type")));
            uses.add(name + ": $" + name);
            // the first rounds send well-formed values with one bad one among them; later rounds anything
            Object value = round < 4 ? (round % Math.max(args.size(), 1) == args.indexOf(arg) ? bad().sample()
                    : good(arg.get("type"), 3).sample()) : anyValue(arg.get("type"), 3).sample();
            if (value != Absent.ABSENT) {
                variables.put(name, value);
            }
        }
        String operation = root.equals("Query") ? "query" : "mutation";
        String selection = selection(op.get("type"));
        String document = operation + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")") + " { "
                + op.get("name") + (uses.isEmpty() ? "" : "(" + String.join(", ", uses) + ")") + selection + " }";
        String before = root.equals("Mutation") ? rowDigest() : null;
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        cases++;
        Response response = post(token, Json.encode(body));
        JsonPath json = check(document + " with " + Json.encode(variables), response, true);
        if (before != null && json.get("errors") != null && json.get("data." + op.get("name")) == null) {
            assertEquals(before, rowDigest(), "a refused " + op.get("name") + " wrote something: " + Json.encode(variables));
        }
    }

    private static Response post(String token, String body) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(body).post("/graphql");
    }

    /** No 5xx; a JSON answer whose every error has a code of the contract, never INTERNAL. */
    private static JsonPath check(String what, Response response, boolean graphqlLevel) {
        int status = response.statusCode();
        if (status >= 500) {
            fail("HTTP " + status + " for " + what + ": " + response.asString());
        }
        checkBody(what, status, response.asString());
        return graphqlLevel ? response.jsonPath() : null;
    }

    private static void checkBody(String what, int status, String text) {
        Object body = Json.decodeValue(text);
        List<Object> answers = body instanceof io.vertx.core.json.JsonArray a ? a.getList() : List.of(body);
        for (Object answer : answers) {
            Map<String, Object> map = answer instanceof io.vertx.core.json.JsonObject o ? o.getMap() : cast(answer);
            Object errors = map.get("errors");
            if (errors == null) {
                assertTrue(status == 200 && map.get("data") != null, "no errors and no data for " + what);
                continue;
            }
            for (Object error : (List<?>) (errors instanceof io.vertx.core.json.JsonArray a ? a.getList() : errors)) {
                Map<String, Object> e = error instanceof io.vertx.core.json.JsonObject o ? o.getMap() : cast(error);
                Object extensions = e.get("extensions");
                Map<String, Object> ext = extensions instanceof io.vertx.core.json.JsonObject o ? o.getMap() : cast(extensions);
                String code = ext == null ? null : (String) ext.get("code");
                if (!CODES.contains(code)) {
                    fail("error without a contract code (" + code + ") for " + what + ": " + text);
                }
            }
        }
    }

    /** A digest of every row of every table, all teams: an insert, an update or a delete changes it. */
    private static String rowDigest() {
        return Db.text("select concat_ws(',', " + String.join(", ", TABLES.stream()
                .map(t -> "(select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from " + t + " r)").toList())
                + ")");
    }

    // --- values

    /** An argument left out: its variable is not sent at all. */
    private enum Absent {
        ABSENT
    }

    private static final Arbitrary<String> ODD_STRINGS = Arbitraries.oneOf(
            Arbitraries.of("", " ", "\u0000", "a\u0000b", "\uD83D\uDE00", "\u202Eevil", "'; drop table contact; --",
                    "%", "_", "\\", "null", "NaN", "-1", "1e400", "0x10", "2026-02-30", "2026-01-01T25:00:00Z", "<script>",
                    "\uD800", "é".repeat(300)),
            Arbitraries.strings().ofMinLength(250).ofMaxLength(5000),
            Arbitraries.strings().all().ofMaxLength(40));

    private Arbitrary<Object> bad() {
        return Arbitraries.oneOf(ODD_STRINGS.map(s -> s), Arbitraries.just(null), Arbitraries.integers().map(i -> i),
                Arbitraries.longs().map(l -> l), Arbitraries.doubles().map(d -> d), Arbitraries.of(true, false).map(b -> b),
                Arbitraries.just(Map.of("unknownField", 1)), Arbitraries.just(List.of(List.of())),
                Arbitraries.of(ids).map(i -> i));
    }

    private Arbitrary<Object> anyValue(Object typeRef, int depth) {
        return Arbitraries.frequencyOf(Tuple.of(3, good(typeRef, depth)), Tuple.of(2, bad()),
                Tuple.of(1, Arbitraries.just(Absent.ABSENT).map(a -> (Object) a)));
    }

    /** A value of the right shape (with odd content where the type allows any). */
    private Arbitrary<Object> good(Object typeRef, int depth) {
        Map<String, Object> type = cast(typeRef);
        String kind = (String) type.get("kind");
        if (kind.equals("NON_NULL")) {
            return good(type.get("ofType"), depth);
        }
        if (kind.equals("LIST")) {
            return depth == 0 ? Arbitraries.just(List.of())
                    : good(type.get("ofType"), depth - 1).list().ofMaxSize(3).map(l -> l);
        }
        String name = (String) type.get("name");
        return switch (kind) {
            case "ENUM" -> Arbitraries.oneOf(Arbitraries.of(list(types.get(name).get("enumValues")).stream()
                    .map(v -> (Object) v.get("name")).toList()), Arbitraries.just((Object) "NOT_A_VALUE"));
            case "INPUT_OBJECT" -> depth == 0 ? Arbitraries.just(Map.of()) : inputObject(name, depth);
            default -> switch (name) {
                case "ID" -> Arbitraries.of(ids);
                case "Int" -> Arbitraries.oneOf(Arbitraries.integers().between(-5, 300), Arbitraries.integers()).map(i -> i);
                case "Float" -> Arbitraries.doubles().map(d -> d);
                case "Boolean" -> Arbitraries.of(true, false).map(b -> b);
                case "Decimal" -> Arbitraries.oneOf(Arbitraries.bigDecimals().ofScale(4).map(b -> b.toPlainString()),
                        Arbitraries.of("0", "1", "19.99", "-1", "1.005", "99999999999999999999.999", "1e3", "1,5")).map(s -> s);
                case "Date" -> Arbitraries.of("2999-01-01", "2000-01-01", "2026-13-01", "yesterday").map(s -> s);
                case "DateTime" -> Arbitraries.of("2026-01-01T00:00:00Z", "2026-01-01", "now").map(s -> s);
                default -> ODD_STRINGS.map(s -> s);
            };
        };
    }

    private Arbitrary<Object> inputObject(String name, int depth) {
        List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
        for (Map<String, Object> f : list(types.get(name).get("inputFields"))) {
            String field = (String) f.get("name");
            fields.add(anyValue(f.get("type"), depth - 1).map(v -> new java.util.AbstractMap.SimpleEntry<>(field, v)));
        }
        fields.add(Arbitraries.of(true, false).map(b -> new java.util.AbstractMap.SimpleEntry<>(b ? "unknownField" : "", Absent.ABSENT)));
        return Combinators.combine(fields).as(entries -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : entries) {
                if (e.getValue() != Absent.ABSENT) {
                    object.put(e.getKey(), e.getValue());
                } else if (e.getKey().equals("unknownField")) {
                    object.put("unknownField", "x");
                }
            }
            return object;
        });
    }

    private static Arbitrary<Object> anyJson(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(ODD_STRINGS.map(s -> s), Arbitraries.integers().map(i -> i),
                Arbitraries.of(true, false).map(b -> b), Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, anyJson(depth - 1).list().ofMaxSize(3).map(l -> l),
                Combinators.combine(Arbitraries.of("query", "variables", "operationName", "extensions", "x"), anyJson(depth - 1))
                        .as((k, v) -> {
                            Map<String, Object> m = new HashMap<>();
                            m.put(k, v);
                            return (Object) m;
                        }));
    }

    // --- schema

    private String selection(Object typeRef) {
        Map<String, Object> type = named(typeRef);
        return type.get("kind").equals("OBJECT") || type.get("kind").equals("INTERFACE") ? " { __typename }" : "";
    }

    private static String typeName(Object typeRef) {
        Map<String, Object> type = cast(typeRef);
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> typeName(type.get("ofType")) + "!";
            case "LIST" -> "[" + typeName(type.get("ofType")) + "]";
            default -> (String) type.get("name");
        };
    }

    private static Map<String, Object> named(Object typeRef) {
        Map<String, Object> type = cast(typeRef);
        return type.get("ofType") == null ? type : named(type.get("ofType"));
    }

    private static Map<String, Map<String, Object>> schemaTypes(String token) {
        String ref = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
        JsonPath schema = Api.ok(token, "{ __schema { types { kind name enumValues { name } inputFields { name type { " + ref
                + " } } fields { name type { " + ref + " } args { name type { " + ref + " } } } } } }");
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Map<String, Object> t : schema.<Map<String, Object>>getList("data.__schema.types")) {
            byName.put((String) t.get("name"), t);
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}
