package io.sinter.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sinter.core.api.RunService.RunEvent;
import io.sinter.core.api.RunService.RunInfo;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's Server-Sent Events stream of a run (api.md section 7.3): events arrive from the run
 * service on its threads and are written by the request thread, with a keep-alive comment every 15
 * seconds, until the {@code end} event or until the client goes away.
 */
final class RunEventStream {
    static final String MEDIA_TYPE = "text/event-stream";
    static final long KEEP_ALIVE_MILLIS = 15_000;
    private final BlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();

    void offer(RunEvent event) {
        queue.offer(event);
    }

    StreamingOutput output(AutoCloseable subscription) {
        return out -> {
            try {
                out.write(": stream of run events\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (true) {
                    RunEvent event = queue.poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
                    if (event == null) {
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        continue;
                    }
                    write(out, event);
                    if ("end".equals(event.name())) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // nothing to release
                }
            }
        };
    }

    private static void write(OutputStream out, RunEvent event) throws IOException {
        String data;
        try {
            data = ObjectMapperResolver.MAPPER.writeValueAsString(data(event));
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write event " + event.name(), e);
        }
        String text = "id: " + event.id() + "\nevent: " + event.name() + "\ndata: " + data + "\n\n";
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static Map<String, Object> data(RunEvent event) {
        RunInfo run = event.run();
        return switch (event.name()) {
            case "snapshot" -> Map.of("run", RunsResource.run(run));
            case "run" -> {
                Map<String, Object> json = RunsResource.minimal(run);
                json.put("phase", run.phase());
                yield Map.of("run", json);
            }
            case "end" -> Map.of("run", RunsResource.minimal(run));
            case "job" -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", event.job().id());
                json.put("connectorType", event.job().connectorType());
                json.put("state", event.job().state());
                json.put("result", event.job().result());
                yield Map.of("job", json);
            }
            case "task" -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", event.task().id());
                json.put("jobId", event.job().id());
                json.put("state", event.task().state());
                json.put("result", event.task().result());
                json.put("retryAttempts", event.task().retryAttempts());
                if (event.task().error() != null) {
                    json.put("error", RunsResource.error(event.task().error()));
                }
                yield Map.of("task", json);
            }
            case "changeset" -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", event.changeset().id());
                json.put("index", event.changeset().index());
                json.put("taskId", event.changeset().taskId());
                json.put("description", event.changeset().description());
                yield Map.of("changeset", json);
            }
            default -> throw new IllegalArgumentException("unknown event " + event.name());
        };
    }
}
