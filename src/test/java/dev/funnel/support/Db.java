package dev.funnel.support;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Direct SQL for what the API cannot do on purpose: move time (a quote's validity date),
 * inject a failure, count rows the API never shows (idempotency records).
 */
public final class Db {

    private Db() {
    }

    public static void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery(sql).executeUpdate());
    }

    public static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(sql).getSingleResult()).longValue());
    }

    public static String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em().createNativeQuery(sql).getSingleResult()));
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
