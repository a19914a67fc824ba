package dev.funnel.interaction;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One touch between the team and a contact. Recorded once, never edited: the lifecycle was decided on it. */
@Entity
public class Interaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long contactId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public OffsetDateTime occurredAt;

    public String summary;

    public String author;

    /** The campaign that brought it, if any (docs/funnel.md, "Campaigns"). */
    public Long campaignId;

    public OffsetDateTime createdAt;
}
