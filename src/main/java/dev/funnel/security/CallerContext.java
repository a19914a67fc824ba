package dev.funnel.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Work done as a caller outside a request that Quarkus scoped for it: a file streamed on a worker
 * thread, an import run in the background. The work gets a request context of its own with the
 * caller's identity, so that {@link Caller}, the roles and {@link TeamScope} (row-level security)
 * apply as in any request of that caller.
 */
public final class CallerContext {

    /** The work, which may throw. */
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    private CallerContext() {
    }

    public static <E extends Exception> void run(SecurityIdentity identity, Work<E> work) throws E {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
            work.run();
        } finally {
            context.terminate();
        }
    }
}
