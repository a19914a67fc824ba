package dev.funnel.event;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/**
 * What happened. Webhooks, the replay log and the database name each type by its wire name
 * ({@code contact.stage_changed}); GraphQL enums cannot hold a dot, so GraphQL names it by the
 * constant. Each type's payload is documented in docs/events.md, at {@link #version}.
 */
@Enum("EventType")
@Description("What an event tells. Its wire name (Event.typeName, the webhook's type) is the lower-case dotted form: CONTACT_STAGE_CHANGED is contact.stage_changed.")
public enum EventType {
    @Description("contact.created: a contact was created.")
    CONTACT_CREATED("contact.created"),
    @Description("contact.updated: a contact's details or temperature override changed.")
    CONTACT_UPDATED("contact.updated"),
    @Description("contact.stage_changed: a contact moved from one stage to another (from, to, trigger, actor).")
    CONTACT_STAGE_CHANGED("contact.stage_changed"),
    @Description("interaction.recorded: an interaction with a contact was recorded.")
    INTERACTION_RECORDED("interaction.recorded"),
    @Description("quote.created: a draft quote was created.")
    QUOTE_CREATED("quote.created"),
    @Description("quote.sent: a quote was sent to its contact.")
    QUOTE_SENT("quote.sent"),
    @Description("quote.accepted: a quote was accepted (with or without a purchase order).")
    QUOTE_ACCEPTED("quote.accepted"),
    @Description("quote.declined: a quote was declined.")
    QUOTE_DECLINED("quote.declined"),
    @Description("quote.converted: a quote was converted into its invoice.")
    QUOTE_CONVERTED("quote.converted"),
    @Description("invoice.issued: an invoice was issued.")
    INVOICE_ISSUED("invoice.issued"),
    @Description("team.settings_changed: a team's name, criteria or follow-up settings changed.")
    TEAM_SETTINGS_CHANGED("team.settings_changed");

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The version of this type's payload; a change that could break a reader adds a version. */
    public int version() {
        return 1;
    }

    public static EventType ofWireName(String name) {
        EventType type = BY_WIRE_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type " + name);
        }
        return type;
    }
}
