package dev.funnel.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How {@code node}/{@code nodes} find records of one type: each feature registers one CDI bean
 * per type it owns, so this package never depends on the features. The bean answers with the
 * feature's own finder (the one behind its query by id), and carries that query's
 * {@code @RolesAllowed} on {@link #find}, so the role rules are the same whichever way a record
 * is read.
 */
public interface NodeResolver {

    /** The type named in the opaque ids this finds: "Contact" for {@code base64("Contact:42")}. */
    String type();

    /**
     * The records behind these ids (all of {@link #type()}) that the caller may see, keyed by id, in
     * one statement; an unknown id, or one of another team, is absent.
     */
    Map<String, ? extends Node> find(List<String> ids);

    /** Found records, each shaped into its view. */
    static <E, V extends Node> Map<String, V> views(Map<String, E> found, Function<E, V> view) {
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> view.apply(e.getValue())));
    }
}
