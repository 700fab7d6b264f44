package org.opendmp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: {@code clients} threads, each with its own connection over mutual TLS
 * (HTTP/1.1 for SOAP, MLLP for HL7 v2), send requests back to back for a warm-up then a
 * measured period. Every answer is checked (for SOAP: HTTP 200 and the expected success marker;
 * for HL7: the acknowledgment code); failures are counted, never timed as successes.
 */
final class LoadRun {

    /** One request: its body and content type, and what a successful answer contains. */
    record Request(byte[] body, String contentType, String successMarker) {
    }

    record Result(String name, int clients, long requests, long failures, double seconds, Histogram latency,
                  long bytesPerRequest, long serverCpuNanos, long clientCpuNanos, long databaseCpuNanos) {
        double serverCpuMillisPerRequest() {
            return requests == 0 ? 0 : serverCpuNanos / 1e6 / requests;
        }

        double clientCpuMillisPerRequest() {
            return requests == 0 ? 0 : clientCpuNanos / 1e6 / requests;
        }

        double databaseCpuMillisPerRequest() {
            return requests == 0 ? 0 : databaseCpuNanos / 1e6 / requests;
        }

        double throughput() {
            return requests / seconds;
        }

        double p50Millis() {
            return latency.getValueAtPercentile(50) / 1e6;
        }

        double p99Millis() {
            return latency.getValueAtPercentile(99) / 1e6;
        }

        double megabytesPerSecond() {
            return throughput() * bytesPerRequest / 1e6;
        }
    }

    private LoadRun() {
    }

    /** CPU time consumed so far by the server, its database and this (load generator) process. */
    interface CpuClock {
        long serverNanos();

        long databaseNanos();

        default long clientNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** One client's connection: sends the next request and says whether the answer was a success. */
    interface Connection extends AutoCloseable {
        boolean exchange() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens a client's connection. */
    interface Connector {
        Connection open() throws Exception;
    }

    /** Told when the measured window opens and closes, e.g. to read a server metric over exactly that window. */
    interface Window {
        Window NONE = new Window() {
        };

        default void opened() {
        }

        default void closed() {
        }
    }

    static Result run(String name, SSLContext tls, URI uri, int clients, Duration warmUp, Duration measure,
                      Supplier<Request> requests, long bytesPerRequest, CpuClock cpu) throws InterruptedException {
        return run(name, tls, uri, clients, warmUp, measure, requests, bytesPerRequest, cpu, Window.NONE);
    }

    static Result run(String name, SSLContext tls, URI uri, int clients, Duration warmUp, Duration measure,
                      Supplier<Request> requests, long bytesPerRequest, CpuClock cpu, Window window)
            throws InterruptedException {
        return run(name, clients, warmUp, measure, () -> {
            HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            return () -> {
                Request request = requests.get();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", request.contentType())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains(request.successMarker());
            };
        }, bytesPerRequest, cpu, window);
    }

    static Result run(String name, int clients, Duration warmUp, Duration measure, Connector connector,
                      long bytesPerRequest, CpuClock cpu) throws InterruptedException {
        return run(name, clients, warmUp, measure, connector, bytesPerRequest, cpu, Window.NONE);
    }

    static Result run(String name, int clients, Duration warmUp, Duration measure, Connector connector,
                      long bytesPerRequest, CpuClock cpu, Window window) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong failures = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                Connection connection = null;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    boolean ok;
                    try {
                        if (connection == null) {
                            connection = connector.open();
                            sent = System.nanoTime();
                        }
                        ok = connection.exchange();
                    } catch (Exception e) {
                        ok = false;
                        closeQuietly(connection);
                        connection = null;
                    }
                    long received = System.nanoTime();
                    if (sent >= measureFrom && received <= end) {
                        if (ok) {
                            recorder.recordValue(received - sent);
                            completed.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }
                closeQuietly(connection);
            }, name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        recorder.reset();
        window.opened();
        long serverAtStart = cpu.serverNanos();
        long clientAtStart = cpu.clientNanos();
        long databaseAtStart = cpu.databaseNanos();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        window.closed();
        long serverCpu = cpu.serverNanos() - serverAtStart;
        long clientCpu = cpu.clientNanos() - clientAtStart;
        long databaseCpu = cpu.databaseNanos() - databaseAtStart;
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(name, clients, completed.get(), failures.get(), measure.toNanos() / 1e9,
                recorder.getIntervalHistogram(), bytesPerRequest, serverCpu, clientCpu, databaseCpu);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // the run goes on with a new connection
            }
        }
    }
}
