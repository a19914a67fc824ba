package dev.funnel.interaction;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.graphql.NodeResolver;
import dev.funnel.security.Role;

/** Interactions for node(id:) and nodes(ids:): the finder and the roles of a contact's interactions (no query reads one by id). */
@ApplicationScoped
public class InteractionNodes implements NodeResolver {

    private final InteractionService service;

    public InteractionNodes(InteractionService service) {
        this.service = service;
    }

    @Override
    public String type() {
        return "Interaction";
    }

    @Override
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    public Map<String, InteractionView> find(List<String> ids) {
        return NodeResolver.views(service.findAll(ids), InteractionView::of);
    }
}
