package dev.funnel.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.funnel.common.Ids;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

/**
 * {@code node} and {@code nodes}: an opaque id names its type, which picks the feature's
 * {@link NodeResolver}. Whatever the feature's query by id would not show (an unknown id, one of
 * another team) reads as null; a malformed id or one of no known type too.
 */
@GraphQLApi
@Authenticated
public class NodeGraphQLApi {

    private final Map<String, NodeResolver> resolvers = new HashMap<>();

    public NodeGraphQLApi(Instance<NodeResolver> all) {
        for (NodeResolver resolver : all) {
            NodeResolver twice = resolvers.put(resolver.type(), resolver);
            if (twice != null) {
                throw new IllegalStateException("Two node resolvers for type " + resolver.type());
            }
        }
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    @Query("node")
    @Description("The record behind an opaque id; null when there is none (or it belongs to another team, or the id is"
            + " malformed). FORBIDDEN when the id names a type the caller's roles may not read by id (billing: contacts"
            + " and interactions), decided before anything is looked up.")
    public Node node(@NonNull @Id @Name("id") @Description("An opaque id of any record.") String id) {
        return nodes(List.of(id)).get(0);
    }

    /** Declared [String!]! here and published as [ID!]! ({@link NodeIdsArgument} says why). */
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    @Query("nodes")
    @Description("The records behind opaque ids, in the order of ids; each entry is null where node(id:) would be."
            + " At most 200 ids; FORBIDDEN as for node when any id names a type the caller's roles may not read.")
    public @NonNull List<Node> nodes(
            @NonNull @Name("ids") @Description("Opaque ids of any records, at most 200.") List<@NonNull String> ids) {
        if (ids.size() > PageRequest.MAX_SIZE) {
            throw new ValidationException("ids", "ids holds " + ids.size() + " ids; at most " + PageRequest.MAX_SIZE
                    + " may be asked for at once");
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (String id : ids) {
            String type = Ids.typeOf(id);
            if (type != null && resolvers.containsKey(type)) {
                byType.computeIfAbsent(type, k -> new ArrayList<>()).add(id);
            }
        }
        // each resolver checks its roles before it looks anything up, and a refusal fails the whole call:
        // it never depends on what exists
        Map<String, Node> found = new HashMap<>();
        for (Map.Entry<String, List<String>> group : byType.entrySet()) {
            found.putAll(resolvers.get(group.getKey()).find(group.getValue()));
        }
        return ids.stream().map(found::get).toList();
    }
}
