package io.sinter.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 file server on a loopback address (127.0.0.1 unless told) for manifest URLs, written on plain sockets so it needs
 * no package outside java.base inside the framework. Each path answers with a {@link Reply}.
 */
final class SourceServer implements AutoCloseable {
    /** What a path answers. */
    interface Reply {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Thread acceptor;

    SourceServer() throws IOException {
        this(InetAddress.getLoopbackAddress(), 0);
    }

    /** A server on {@code address} (a loopback address) and {@code port} (0: any free one). */
    SourceServer(InetAddress address, int port) throws IOException {
        socket = new ServerSocket(port, 50, address);
        acceptor = new Thread(this::accept, "source-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the number of requests received on any path */
    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void serve(String path, Reply reply) {
        replies.put(path, reply);
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    static Reply ok(String body) {
        return out -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        };
    }

    static Reply status(int status) {
        return out -> out.write(("HTTP/1.1 " + status + " Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    static Reply redirect(String location) {
        return out -> out.write(("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A body that trickles: {@code chunk} every {@code pauseMillis}, {@code count} times. */
    /** Sends the headers, waits {@code pauseMillis}, then sends {@code body}: a download that takes at least that long. */
    static Reply late(String body, long pauseMillis) {
        return out -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(pauseMillis);
            out.write(bytes);
            out.flush();
        };
    }

    static Reply slow(String chunk, int count, long pauseMillis) {
        return out -> {
            byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + (long) bytes.length * count + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < count; i++) {
                out.write(bytes);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        };
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread handler = new Thread(() -> handle(client), "source-server-request");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // headers are not needed
            }
            String path = requestLine == null ? "" : requestLine.split(" ")[1];
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Reply reply = replies.getOrDefault(path, status(404));
            OutputStream out = client.getOutputStream();
            reply.write(out);
            out.flush();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
