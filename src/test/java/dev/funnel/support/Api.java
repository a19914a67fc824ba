package dev.funnel.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** GraphQL over HTTP, the way a front end calls Funnel: POST /graphql with a bearer token. */
public final class Api {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** Runs an operation; asserts HTTP 200 and returns the whole response body. */
    public static JsonPath call(String token, String query, Object... variables) {
        return new JsonPath(raw(token, query, variables));
    }

    /** Runs an operation; asserts HTTP 200 and returns the body as sent, numbers written as the server wrote them. */
    public static String raw(String token, String query, Object... variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", vars(variables));
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token).body(body)
                .when().post("/graphql")
                .then().statusCode(200).extract().asString();
    }

    /** Runs an operation that must succeed; returns the body after asserting it has no errors. */
    public static JsonPath ok(String token, String query, Object... variables) {
        JsonPath body = call(token, query, variables);
        Object errors = body.get("errors");
        if (errors != null) {
            throw new AssertionError("Unexpected errors: " + errors + "\nfor: " + query);
        }
        return body;
    }

    public static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
