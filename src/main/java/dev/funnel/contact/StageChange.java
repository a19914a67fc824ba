package dev.funnel.contact;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recorded stage change of a contact: never updated, never deleted. */
@Entity
public class StageChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long teamId;

    public Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public Stage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage")
    public Stage to;

    @Enumerated(EnumType.STRING)
    public StageTrigger trigger;

    public String actor;

    public OffsetDateTime at;

    /** The contact's owner (token subject) when its stage changed. */
    public String owner;

    /** Why, when the move takes one (a lead rejected to nurture). */
    public String reason;

    static StageChange of(Contact contact, Lifecycle.Move move, String actor, OffsetDateTime at) {
        StageChange change = new StageChange();
        change.teamId = contact.teamId;
        change.contactId = contact.id;
        change.from = move.from();
        change.to = move.to();
        change.trigger = move.trigger();
        change.actor = actor;
        change.at = at;
        change.owner = contact.owner;
        return change;
    }
}
