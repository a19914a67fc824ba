package dev.funnel.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The batched writes of imports (ContactBulk) write every column Hibernate writes for a contact and a stage change. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ContactBulkTest {

    @Inject
    EntityManager em;

    @Test
    void theBulkInsertsWriteEveryMappedColumn() {
        assertEquals(columns(Contact.class, true), new TreeSet<>(ContactBulk.CONTACT_COLUMNS));
        assertEquals(columns(StageChange.class, false), new TreeSet<>(ContactBulk.STAGE_CHANGE_COLUMNS));
    }

    private Set<String> columns(Class<?> entity, boolean withId) {
        AbstractEntityPersister persister = (AbstractEntityPersister) em.getEntityManagerFactory().unwrap(SessionFactory.class)
                .unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(entity);
        Set<String> columns = new TreeSet<>();
        if (withId) {
            columns.addAll(Set.of(persister.getIdentifierColumnNames()));
        }
        for (String property : persister.getPropertyNames()) {
            columns.addAll(Set.of(persister.getPropertyColumnNames(property)));
        }
        return columns.stream().map(String::toLowerCase).collect(Collectors.toCollection(TreeSet::new));
    }
}
