package dev.funnel.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Relay's Global Object Identification: every record type with an opaque id implements it, so a
 * client can fetch any record again by its id alone ({@code node}, {@code nodes}).
 */
@Interface("Node")
@Description("A record with an opaque id, which node(id:) and nodes(ids:) fetch again.")
public interface Node {

    /** The opaque id: the {@code id} component of each view record. */
    String id();

    /**
     * The GraphQL field: SmallRye reads an interface's fields from its getters only, and a record's
     * accessor {@code id()} is not one.
     */
    @NonNull
    @Id
    @Description("Opaque id.")
    default String getId() {
        return id();
    }
}
