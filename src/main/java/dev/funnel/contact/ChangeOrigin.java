package dev.funnel.contact;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the changes of the current request context come from. An import runs its rows in a
 * context of its own and marks it, so that every stage change it causes is recorded with the
 * trigger {@link StageTrigger#IMPORT} (docs/imports.md) while going through the same rules as any
 * other change.
 */
@RequestScoped
public class ChangeOrigin {

    private boolean importing;

    public boolean importing() {
        return importing;
    }

    public void markImport() {
        importing = true;
    }
}
