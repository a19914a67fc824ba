package dev.funnel.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import dev.funnel.common.Money;

/**
 * An event's payload, in the API's own formats: ids opaque, decimals as strings (never JSON
 * numbers, which lose digits), money as {amount, currency} with the currency's digits, times as RFC 3339 in UTC, enums by name, absent values as null.
 */
public final class Payload {

    /**
     * The JSON provider, looked up once: each call of {@code Json.createObjectBuilder()} looks it
     * up again through the ServiceLoader, reading the class path (measured: a tenth of a
     * conversion's time, with its payloads' nested objects).
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObjectBuilder json = JSON.createObjectBuilder();

    private Payload() {
    }

    public static Payload of() {
        return new Payload();
    }

    public Payload put(String key, Object value) {
        if (value == null) {
            json.addNull(key);
        } else if (value instanceof String s) {
            json.add(key, s);
        } else if (value instanceof Boolean b) {
            json.add(key, b);
        } else if (value instanceof Integer i) {
            json.add(key, i);
        } else if (value instanceof Long l) {
            json.add(key, l);
        } else if (value instanceof BigDecimal d) {
            json.add(key, d.toPlainString());
        } else if (value instanceof OffsetDateTime t) {
            json.add(key, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC)));
        } else if (value instanceof LocalDate d) {
            json.add(key, d.toString());
        } else if (value instanceof Enum<?> e) {
            json.add(key, e.name());
        } else if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(item instanceof Enum<?> e ? e.name() : String.valueOf(item)));
            json.add(key, array);
        } else if (value instanceof Money m) {
            json.add(key, JSON.createObjectBuilder().add("amount", m.amount().value().toPlainString()).add("currency", m.currency()));
        } else if (value instanceof JsonObject o) {
            json.add(key, o);
        } else {
            throw new IllegalArgumentException("no payload form for " + value.getClass());
        }
        return this;
    }

    public JsonObject build() {
        return json.build();
    }
}
