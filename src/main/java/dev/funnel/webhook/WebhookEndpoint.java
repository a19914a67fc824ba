package dev.funnel.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a team's events are posted (V8__events_webhooks.sql). */
@Entity
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public String url;

    public String description;

    /** Wire names; null for every type. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes;

    public String secret;

    public String previousSecret;

    public OffsetDateTime previousSecretUntil;

    public boolean enabled;

    public String disabledReason;

    public OffsetDateTime disabledAt;

    public OffsetDateTime failingSince;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
