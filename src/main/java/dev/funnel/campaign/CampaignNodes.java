package dev.funnel.campaign;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.graphql.NodeResolver;
import dev.funnel.security.Role;

/** Quotes for node(id:) and nodes(ids:): the finder and the roles of quote(id:). */
@ApplicationScoped
public class CampaignNodes implements NodeResolver {

    private final CampaignService service;

    public CampaignNodes(CampaignService service) {
        this.service = service;
    }

    @Override
    public String type() {
        return "Campaign";
    }

    @Override
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    public Map<String, CampaignView> find(List<String> ids) {
        return NodeResolver.views(service.findAll(ids), CampaignView::of);
    }
}
