package io.sinter.core.internal.run;

import io.sinter.core.api.RunService.ChangesetRef;
import io.sinter.core.api.RunService.JobInfo;
import io.sinter.core.api.RunService.RunEvent;
import io.sinter.core.api.RunService.RunInfo;
import io.sinter.core.api.RunService.TaskInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The event streams of runs (api.md section 7.3). The engine calls {@link #changed} after each
 * committed state change; the hub compares the run with what it last saw and appends {@code run},
 * {@code job}, {@code task}, {@code changeset} and finally {@code end} events to the run's buffer (the
 * last 1000), which followers receive in order.
 */
final class RunEvents {
    static final int BUFFER = 1000;
    private static final long KEEP_COMPLETED_MILLIS = 10 * 60 * 1000L;

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    /** One run's events. */
    private static final class Stream {
        final Deque<RunEvent> buffer = new ArrayDeque<>();
        final List<Consumer<RunEvent>> followers = new CopyOnWriteArrayList<>();
        long lastId;
        RunInfo last;
        long endedAt;
    }

    /**
     * Records what changed in a run since it was last seen.
     *
     * @param current the run as committed now
     * @param changesets the changeset of each task that has one, by task id
     */
    void changed(RunInfo current, Function<String, ChangesetRef> changesets) {
        Stream stream = streams.computeIfAbsent(current.id(), k -> new Stream());
        synchronized (stream) {
            List<RunEvent> events = diff(stream.last, current, changesets);
            stream.last = current;
            for (RunEvent e : events) {
                RunEvent event = new RunEvent(++stream.lastId, e.name(), e.run(), e.job(), e.task(), e.changeset());
                stream.buffer.addLast(event);
                if (stream.buffer.size() > BUFFER) {
                    stream.buffer.removeFirst();
                }
                for (Consumer<RunEvent> follower : stream.followers) {
                    follower.accept(event);
                }
            }
            if ("Completed".equals(current.state())) {
                stream.endedAt = System.currentTimeMillis();
                stream.followers.clear();
            }
        }
        long now = System.currentTimeMillis();
        streams.values().removeIf(s -> s.endedAt > 0 && now - s.endedAt > KEEP_COMPLETED_MILLIS);
    }

    /**
     * Follows a run. Delivers buffered events after {@code lastEventId} when the buffer still holds
     * them all, otherwise a snapshot of {@code current}; then live events until {@code end}.
     *
     * @return closes the subscription
     */
    AutoCloseable follow(RunInfo current, Long lastEventId, Consumer<RunEvent> listener) {
        Stream stream = streams.computeIfAbsent(current.id(), k -> new Stream());
        synchronized (stream) {
            if (stream.last == null) {
                stream.last = current;
            }
            boolean replay = lastEventId != null && lastEventId <= stream.lastId
                    && (stream.buffer.isEmpty() ? lastEventId == stream.lastId : lastEventId >= stream.buffer.peekFirst().id() - 1);
            if (replay) {
                for (RunEvent event : stream.buffer) {
                    if (event.id() > lastEventId) {
                        listener.accept(event);
                    }
                }
            } else {
                listener.accept(new RunEvent(stream.lastId, "snapshot", stream.last, null, null, null));
            }
            if ("Completed".equals(stream.last.state())) {
                if (!replay || stream.buffer.isEmpty() || !"end".equals(stream.buffer.peekLast().name())) {
                    listener.accept(new RunEvent(stream.lastId, "end", stream.last, null, null, null));
                }
                return () -> { };
            }
            stream.followers.add(listener);
            return () -> stream.followers.remove(listener);
        }
    }

    static List<RunEvent> diff(RunInfo before, RunInfo after, Function<String, ChangesetRef> changesets) {
        List<RunEvent> events = new ArrayList<>();
        Map<String, JobInfo> oldJobs = new HashMap<>();
        Map<String, TaskInfo> oldTasks = new HashMap<>();
        if (before != null) {
            for (JobInfo j : before.jobs()) {
                oldJobs.put(j.id(), j);
                j.tasks().forEach(t -> oldTasks.put(t.id(), t));
            }
        }
        boolean runChanged = before == null || !Objects.equals(before.state(), after.state()) || !Objects.equals(before.phase(), after.phase())
                || !Objects.equals(before.result(), after.result());
        if (runChanged && !"Completed".equals(after.state())) {
            events.add(new RunEvent(0, "run", after, null, null, null));
        }
        for (JobInfo j : after.jobs()) {
            for (TaskInfo t : j.tasks()) {
                TaskInfo old = oldTasks.get(t.id());
                boolean changed = old == null ? !"NotStarted".equals(t.state())
                        : !Objects.equals(old.state(), t.state()) || !Objects.equals(old.result(), t.result()) || old.retryAttempts() != t.retryAttempts();
                if (!changed) {
                    continue;
                }
                events.add(new RunEvent(0, "task", after, j, t, null));
                if ("Completed".equals(t.state())) {
                    ChangesetRef c = changesets.apply(t.id());
                    if (c != null) {
                        events.add(new RunEvent(0, "changeset", after, j, t, c));
                    }
                }
            }
            JobInfo old = oldJobs.get(j.id());
            if (old == null ? !"NotStarted".equals(j.state()) : !Objects.equals(old.state(), j.state()) || !Objects.equals(old.result(), j.result())) {
                events.add(new RunEvent(0, "job", after, j, null, null));
            }
        }
        if ("Completed".equals(after.state()) && (before == null || !"Completed".equals(before.state()))) {
            events.add(new RunEvent(0, "end", after, null, null, null));
        }
        return events;
    }
}
