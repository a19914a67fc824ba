package dev.funnel.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Times leave the API in UTC, whatever the JVM's or the database session's zone. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Today's date in UTC: the day against which a quote's validity is judged. */
    public static java.time.LocalDate today() {
        return java.time.LocalDate.now(ZoneOffset.UTC);
    }

    /** Now, in UTC, to the microsecond: what PostgreSQL stores, so a value reads the same before and after a round trip. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
