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
 * Closed-loop load: {@code clients} threads, each with its own HTTP/1.1 connection over mutual
 * TLS, send requests back to back for a warm-up then a measured period. Every answer is checked
 * (HTTP 200 and the expected success marker); failures are counted, never timed as successes.
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

    static Result run(String name, SSLContext tls, URI uri, int clients, Duration warmUp, Duration measure,
                      Supplier<Request> requests, long bytesPerRequest, CpuClock cpu) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong failures = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                while (System.nanoTime() < end) {
                    Request request = requests.get();
                    long sent = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", request.contentType())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        ok = response.statusCode() == 200 && response.body().contains(request.successMarker());
                    } catch (Exception e) {
                        ok = false;
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
            }, name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        recorder.reset();
        long serverAtStart = cpu.serverNanos();
        long clientAtStart = cpu.clientNanos();
        long databaseAtStart = cpu.databaseNanos();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long serverCpu = cpu.serverNanos() - serverAtStart;
        long clientCpu = cpu.clientNanos() - clientAtStart;
        long databaseCpu = cpu.databaseNanos() - databaseAtStart;
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(name, clients, completed.get(), failures.get(), measure.toNanos() / 1e9,
                recorder.getIntervalHistogram(), bytesPerRequest, serverCpu, clientCpu, databaseCpu);
    }
}
