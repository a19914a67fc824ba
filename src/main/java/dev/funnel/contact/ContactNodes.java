package dev.funnel.contact;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.graphql.NodeResolver;
import dev.funnel.security.Role;

/** Contacts for node(id:) and nodes(ids:): the finder and the roles of contact(id:). */
@ApplicationScoped
public class ContactNodes implements NodeResolver {

    private final ContactService service;

    public ContactNodes(ContactService service) {
        this.service = service;
    }

    @Override
    public String type() {
        return "Contact";
    }

    @Override
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    public Map<String, ContactView> find(List<String> ids) {
        return NodeResolver.views(service.findAll(ids), ContactView::of);
    }
}
