package io.sinter.core.internal.run;

import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes of a bridge task made while the connector still reads: a writer thread opens the task's one transaction, takes
 * batches of {@code T} as the connector's thread hands them over, and at the end runs the unit of work that records the
 * task ({@link #finish}) in the same transaction, so the task still commits all or nothing. The connector's thread and
 * the database each get a core instead of taking turns. A stream that is not finished is {@link #abort aborted}: its
 * transaction rolls back and nothing of it stays.
 *
 * @param <T> what the connector's thread hands over
 */
abstract class WriteStream<T> {
    /** Thrown to the connector's thread when the writer failed; the task ends in error and writes nothing. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(Throwable cause) {
            super("the changes could not be written: " + cause, cause);
        }
    }

    private final List<T> end = new ArrayList<>(0);
    private final Database database;
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(8);
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Consumer<EntityManager>> finisher = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread writer;
    private volatile boolean aborted;
    /** Nanoseconds the writer waited for batches, and the connector's thread for room in the queue (for the log). */
    private long writerWaited;
    private volatile long readerWaited;

    /** Prepares the writer thread; the subclass's constructor {@link #start starts} it once its own fields are set. */
    WriteStream(Database database, String threadName) {
        this.database = database;
        this.writer = new Thread(this::write, threadName);
        writer.setDaemon(true);
    }

    /** Starts the writer thread and its transaction (at the end of the subclass's constructor). */
    protected final void start() {
        writer.start();
    }

    /** Opens the writes in the writer's transaction (its first work). */
    protected abstract void begin(EntityManager em);

    /** Writes one batch in the writer's transaction. */
    protected abstract void write(EntityManager em, List<T> batch);

    /** After the last batch, before the unit of work of {@link #finish}: ends what {@link #write} started. */
    protected abstract void written(EntityManager em);

    /** Releases what {@link #write} holds when the writer stops early. */
    protected void abandon() {
    }

    /** Nanoseconds the writer waited for batches. */
    protected final long writerWaited() {
        return writerWaited;
    }

    /** Nanoseconds the connector's thread waited for room in the queue. */
    protected final long readerWaited() {
        return readerWaited;
    }

    /** Waits until the writer's transaction is open and {@link #begin} ran. */
    protected final void awaitStarted() {
        while (true) {
            try {
                started.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                failure();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed(e);
            } catch (ExecutionException e) {
                throw new Failed(e.getCause());
            }
        }
    }

    /**
     * Hands one batch to the writer (in file order), waiting while it is behind.
     *
     * @throws Failed when the writer failed
     */
    protected final void hand(List<T> batch) {
        long waitStart = System.nanoTime();
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                failure();
            }
            readerWaited += System.nanoTime() - waitStart;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(e);
        }
        failure();
    }

    /** Hands over the end of the batches; the writer then waits for {@link #finish}. */
    protected final void handEnd() {
        hand(end);
    }

    private void failure() {
        if (done.isCompletedExceptionally()) {
            try {
                done.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new Failed(e.getCause());
            }
        }
    }

    /**
     * Runs {@code work} after the last batch in the writer's transaction and commits.
     *
     * @throws RuntimeException what the writer or {@code work} threw; the transaction is rolled back then
     */
    void finish(Consumer<EntityManager> work) {
        finisher.complete(work);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("interrupted while the changes were written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Rolls the writer's transaction back and waits until it has; nothing written stays. Idempotent. */
    void abort() {
        aborted = true;
        finisher.completeExceptionally(new IllegalStateException("aborted"));
        queue.clear();
        queue.offer(end);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        try {
            database.run(em -> {
                try {
                    begin(em);
                    started.complete(null);
                    while (true) {
                        long waitStart = System.nanoTime();
                        List<T> batch = queue.take();
                        writerWaited += System.nanoTime() - waitStart;
                        if (aborted) {
                            throw new IllegalStateException("aborted");
                        }
                        if (batch == end) {
                            break;
                        }
                        write(em, batch);
                    }
                    written(em);
                    Consumer<EntityManager> work = finisher.get();
                    work.accept(em);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("aborted", e.getCause());
                } finally {
                    abandon();
                }
            });
            done.complete(null);
        } catch (Throwable e) {
            started.completeExceptionally(e);
            done.completeExceptionally(e);
        }
    }
}
