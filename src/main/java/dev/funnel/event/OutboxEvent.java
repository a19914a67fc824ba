package dev.funnel.event;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row of the transactional outbox (V8__events_webhooks.sql), as readers see it. {@link Events}
 * writes the rows in the transaction of the change they tell, in one statement of its own rather
 * than through this entity; ids come from event_id_seq. {@link #seq} and {@link #position} are set by
 * {@link EventRelay} once the row has committed, or at insert for a bulk write that numbers its own
 * ({@link Events#emitAll}); until then readers do not see it.
 */
@Entity
@Table(name = "event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
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
