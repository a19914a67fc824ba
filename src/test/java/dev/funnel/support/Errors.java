package dev.funnel.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Assertions on the error shape of README.md ("Errors"). */
public final class Errors {

    private Errors() {
    }

    /** Exactly one error, with that code (and field, when not null), a human message and nothing internal. */
    public static Map<String, Object> assertError(JsonPath body, String code, String field) {
        List<Map<String, Object>> errors = body.getList("errors");
        assertNotNull(errors, "expected an error " + code + ", got " + body.prettify());
        assertEquals(1, errors.size(), body.prettify());
        Map<String, Object> error = errors.get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        assertEquals(code, extensions.get("code"), body.prettify());
        if (field != null) {
            assertEquals(field, extensions.get("field"), body.prettify());
        }
        String message = (String) error.get("message");
        assertNotNull(message);
        for (String leak : List.of("Exception", "dev.funnel", "java.", "org.hibernate", "System error", "\tat ")) {
            assertFalse(message.contains(leak), "message leaks '" + leak + "': " + message);
        }
        assertFalse(extensions.containsKey("exception"), "class name in extensions: " + extensions);
        return error;
    }
}
