package io.sinter.core.internal.persistence;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way core code talks to the database: a unit of work in one resource-local transaction.
 * Every store uses it; none opens an EntityManager by hand.
 */
public interface Database {

    /**
     * Runs {@code work} in a new transaction and commits it; rolls back and rethrows when
     * {@code work} throws.
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** As {@link #inTransaction(Function)} without a result. */
    default void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** @return a short description of the database (product, version, URL) if it answers; throws otherwise */
    String ping();
}
