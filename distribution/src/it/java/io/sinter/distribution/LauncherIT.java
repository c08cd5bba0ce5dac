package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * The executable jar as a user starts it: a separate JVM in a home folder, the Gogo console on its
 * standard input, SIGTERM to stop, and a second start on the same database.
 */
public class LauncherIT {
    private final List<Process> started = new ArrayList<>();

    @After
    public void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    public void startAnswerConsoleStopCleanlyAndRestartOnTheSameDatabase() throws Exception {
        int filePort = SinterRuntime.freePort();
        int launchPort = SinterRuntime.freePort();
        Path home = SinterRuntime.newHome("launcher", filePort);
        // no bootstrap password configured: the first start generates one and prints it on the console only
        Files.delete(home.resolve("etc/io.sinter.auth.cfg"));

        long t0 = System.nanoTime();
        Server first = start(home, launchPort);
        Http.Answer health = Http.await(launchPort, "/health", 200, Duration.ofSeconds(90));
        long firstHttp200Ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("sinter.jar: first HTTP 200 after " + firstHttp200Ms + " ms");
        assertTrue(health.body(), health.body().contains("\"status\":\"UP\""));
        // -Dsinter.http.port beats etc/io.sinter.http.cfg
        Http.awaitClosed(filePort, Duration.ofSeconds(1));

        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("Its password, shown only now: (\\S+)").matcher(first.awaitOutput("shown only now"));
        assertTrue(first.output.toString(), printed.find());
        String password = printed.group(1);
        Http.signIn(launchPort, "admin", password);
        String client = first.command("sinter:client add ci-pipeline --admin", "client_secret:");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("client_id:\\s+(\\S+)").matcher(client);
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("client_secret:\\s+(\\S+)").matcher(client);
        assertTrue(client, id.find() && secret.find());
        String token = Http.clientToken(launchPort, id.group(1), secret.group(1));
        Http.Answer me = Http.send(launchPort, "GET", "/auth/me", null, "Authorization", "Bearer " + token);
        assertTrue(me.body(), me.body().contains("\"type\":\"service\"") && me.body().contains("\"isServerAdmin\":true"));
        String users = first.command("sinter:user list", "admin");
        assertTrue(users, users.contains("admin") && users.contains("true"));

        String status = first.command("sinter:status", "previous");
        assertTrue(status, status.contains("status     UP"));
        assertTrue(status, status.contains("previous   none (first start)"));

        assertEquals("SIGTERM ends the JVM normally (shutdown hook)", 143, first.terminate());
        String derbyLog = Files.readString(home.resolve("logs/derby.log"));
        assertTrue("Derby engine shut down cleanly:\n" + derbyLog + "\nserver output:\n" + first.output,
                derbyLog.contains("Shutting down Derby engine"));

        Server second = start(home, launchPort);
        Http.await(launchPort, "/health", 200, Duration.ofSeconds(90));
        String again = second.command("sinter:status", "previous");
        assertTrue("second start reuses the database and saw a clean stop:\n" + again,
                again.matches("(?s).*previous   \\S+, stopped cleanly at .*"));
        assertEquals(143, second.terminate());
        assertFalse(Files.readString(home.resolve("logs/sinter.log")).contains("did not stop cleanly"));
        assertFalse("only one administrator password is generated", second.output.toString().contains("shown only now"));
        try (java.util.stream.Stream<Path> logs = Files.walk(home.resolve("logs"))) {
            for (Path log : (Iterable<Path>) logs.filter(Files::isRegularFile)::iterator) {
                assertFalse("the one-time password is in " + log, Files.readString(log, StandardCharsets.ISO_8859_1).contains(password));
            }
        }
    }

    private Server start(Path home, int port) throws IOException {
        Path jar = Path.of(System.getProperty("sinter.it.home", "target/sinter"), "sinter.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(home.resolve("logs"));
        Process process = new ProcessBuilder(java, "-Xmx512m", "-Dsinter.http.port=" + port, "-jar", jar.toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
        started.add(process);
        return new Server(process);
    }

    /** A running server process: console on stdin, output collected from stdout. */
    private static final class Server {
        private final Process process;
        private final StringBuffer output = new StringBuffer();

        Server(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        output.append(line).append('\n');
                    }
                } catch (IOException ended) {
                    // process ended
                }
            }, "sinter-it-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Types {@code command} into the console and returns the output once it contains {@code until}. */
        String command(String command, String until) throws IOException, InterruptedException {
            int from = output.length();
            OutputStream stdin = process.getOutputStream();
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                String answer = output.substring(from);
                if (answer.contains(until)) {
                    Thread.sleep(200); // the rest of the answer
                    return output.substring(from);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("console did not answer '" + command + "'; output:\n" + output);
        }

        /** @return the output once it contains {@code text} (within 60 s) */
        String awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (output.indexOf(text) >= 0) {
                    return output.toString();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no '" + text + "' in the output:\n" + output);
        }

        /** Sends SIGTERM and returns the exit code. */
        int terminate() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("server still running 30 s after SIGTERM; output:\n" + output);
            }
            return process.exitValue();
        }
    }
}
