package dev.funnel.event;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row of the transactional outbox (V8__events_webhooks.sql), written by {@link Events} in the
 * transaction of the change it tells. {@link #seq} and {@link #position} are set by
 * {@link EventRelay} once the row has committed; until then readers do not see it.
 */
@Entity
@Table(name = "event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_id")
    @SequenceGenerator(name = "event_id", sequenceName = "event_id_seq", allocationSize = 50)
    public Long id;

    public Long teamId;

    /** The wire name, contact.stage_changed... */
    public String type;

    public String subjectId;

    public String actor;

    public OffsetDateTime occurredAt;

    public int version;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String payload;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(insertable = false, updatable = false)
    public Long position;
}
