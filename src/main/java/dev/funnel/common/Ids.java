package dev.funnel.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque ids: {@code base64url("Contact:42")}. Clients must not parse them; the type prefix
 * makes an id of one type useless as an id of another, and a malformed id reads as "not found".
 */
public final class Ids {

    private Ids() {
    }

    public static String encode(String type, Long id) {
        return id == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The database id behind an opaque id of that type, or null when it is not one. */
    public static Long decode(String type, String id) {
        if (id == null || id.length() > 64) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            String prefix = type + ":";
            if (!raw.startsWith(prefix)) {
                return null;
            }
            return Long.valueOf(raw.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The type an opaque id names ("Contact" of "Contact:42"), or null when it is not an id of this server. */
    public static String typeOf(String id) {
        if (id == null || id.length() > 64) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return colon <= 0 ? null : raw.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The database id behind an opaque id, or NOT_FOUND. */
    public static long require(String type, String id) {
        Long value = decode(type, id);
        if (value == null) {
            throw new NotFoundException(type.toLowerCase(java.util.Locale.ROOT), id);
        }
        return value;
    }
}
