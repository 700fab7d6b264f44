package org.opendmp.audit.delivery;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.opendmp.audit.event.AuditEvents;
import org.opendmp.audit.event.AuditFixtures;

/**
 * The process {@link KillNineTest} kills: appends events from several threads as fast as it can and prints
 * {@code ACK <sequence> <payload>} once each append returned, until it is killed. With the argument
 * {@code auditor}, audits ITI-18 transactions through an {@link Auditor} on one thread instead, printing
 * {@code ACK <sequence> -} once each {@code audit} returned.
 */
public final class KillNineChild {

    private KillNineChild() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        QueueSettings.Sync sync = QueueSettings.Sync.valueOf(args[2]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        DurableAuditQueue queue = DurableAuditQueue.open(directory,
                QueueSettings.defaults().withSizes(64 * 1024, 1L << 30).withSync(sync), AuditMetrics.NONE);
        out.println("READY");
        out.flush();
        if (args.length > 3 && args[3].equals("auditor")) {
            AuditCounters counters = new AuditCounters();
            Auditor auditor = new Auditor(new AuditEvents(AuditFixtures.SOURCE), queue, counters);
            for (long audited = 1; ; audited++) {
                auditor.audit(AuditFixtures.storedQuery());
                out.println(counters.lost() == 0 ? "ACK " + audited + " -" : "ERROR lost " + counters.lost());
                out.flush();
            }
        }
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String payload = "t" + thread + "-" + i + "-" + "x".repeat(200 + i % 300);
                    try {
                        long sequence = queue.append(payload.getBytes(StandardCharsets.US_ASCII));
                        synchronized (out) {
                            out.println("ACK " + sequence + " " + payload);
                            out.flush();
                        }
                    } catch (Exception e) {
                        synchronized (out) {
                            out.println("ERROR " + e);
                            out.flush();
                        }
                        return;
                    }
                }
            });
            writer.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
