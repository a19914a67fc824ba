package dev.funnel.event;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("EventFilter")
@Description("Which events to read; every condition given must hold.")
public record EventFilter(
        @Description("Only this team's events (one of the caller's teams).") String team,
        @Size(max = 20) @Description("Only events of these types.") List<EventType> types,
        @Id @Size(max = 100) @Description("Only the events of this record (an opaque Contact, Quote, Invoice or Interaction id, or a team code).") String subjectId) {
}
