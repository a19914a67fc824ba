package dev.funnel.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset position: the sort value of the last row seen and its id, in an opaque string.
 * Paging resumes strictly after it, so page 1,000 costs what page 1 costs.
 */
public record Cursor(String value, long id) {

    public String encode() {
        String raw = id + "|" + (value == null ? "~" : "=" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a null cursor; VALIDATION on {@code field} for one this server did not write. */
    public static Cursor decode(String field, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            long id = Long.parseLong(raw.substring(0, bar));
            String rest = raw.substring(bar + 1);
            if (rest.equals("~")) {
                return new Cursor(null, id);
            }
            if (!rest.startsWith("=")) {
                throw new IllegalArgumentException(rest);
            }
            return new Cursor(rest.substring(1), id);
        } catch (RuntimeException e) {
            throw new ValidationException(field, "Not a cursor of this list: '" + cursor + "'");
        }
    }
}
