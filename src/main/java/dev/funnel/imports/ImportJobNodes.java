package dev.funnel.imports;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.graphql.NodeResolver;
import dev.funnel.security.Role;

/** Import jobs for node(id:) and nodes(ids:): the finder and the roles of importJob(id:). */
@ApplicationScoped
public class ImportJobNodes implements NodeResolver {

    private final ContactImports imports;

    public ImportJobNodes(ContactImports imports) {
        this.imports = imports;
    }

    @Override
    public String type() {
        return "ImportJob";
    }

    @Override
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    public Map<String, ImportJobView> find(List<String> ids) {
        return NodeResolver.views(imports.findAll(ids), imports::view);
    }
}
