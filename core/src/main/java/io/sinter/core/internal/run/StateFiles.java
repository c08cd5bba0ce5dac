package io.sinter.core.internal.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the documents' {@link StoredState} files are, and the thread that writes a re-run's file after its changeset
 * committed, so the run does not wait for a hundred megabytes of state. A task reading a document's state first waits
 * for that document's file to be written; until then the file on disk has an older stamp and would not be used anyway.
 */
final class StateFiles implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(StateFiles.class);
    private final Path folder;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sinter-state-writer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();

    StateFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Writes a document's file on the writer thread (a writer never fails: see {@link StoredState.Writer}). */
    void submit(String documentId, Runnable write) {
        pending.put(documentId, writer.submit(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOGGER.warn("The stored state file of document {} was not written ({}); the next run reads the database", documentId, e.toString());
            }
        }));
    }

    /** Waits until the document's file submitted last is written. */
    void await(String documentId) {
        Future<?> write = pending.get(documentId);
        if (write == null) {
            return;
        }
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // logged by the write itself
        }
        pending.remove(documentId, write);
    }

    /** Lets the files being written finish (a file cut short by a stop is only a {@code .tmp} the next start deletes). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(20, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
