package dev.funnel.invoice;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.graphql.NodeResolver;
import dev.funnel.security.Role;

/** Invoices for node(id:) and nodes(ids:): the finder and the roles of invoice(id:). */
@ApplicationScoped
public class InvoiceNodes implements NodeResolver {

    private final InvoiceService service;

    public InvoiceNodes(InvoiceService service) {
        this.service = service;
    }

    @Override
    public String type() {
        return "Invoice";
    }

    @Override
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.BILLING, Role.ADMIN })
    public Map<String, InvoiceView> find(List<String> ids) {
        return NodeResolver.views(service.findAll(ids), InvoiceView::of);
    }
}
