package dev.funnel.quote;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.graphql.NodeResolver;
import dev.funnel.security.Role;

/** Quotes for node(id:) and nodes(ids:): the finder and the roles of quote(id:). */
@ApplicationScoped
public class QuoteNodes implements NodeResolver {

    private final QuoteService service;

    public QuoteNodes(QuoteService service) {
        this.service = service;
    }

    @Override
    public String type() {
        return "Quote";
    }

    @Override
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    public Map<String, QuoteView> find(List<String> ids) {
        return NodeResolver.views(service.findAll(ids), QuoteView::of);
    }
}
