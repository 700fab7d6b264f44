package org.opendmp.audit.arr;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Between the listeners and the database: a bounded queue, and writer threads that take what is
 * there (up to a batch, waiting a few milliseconds for it to fill) and store it in one transaction. When the queue is full, {@link #submit}
 * blocks: the listener stops reading and TCP pushes back on the sender; nothing is dropped. While the
 * database is unreachable a batch is retried (with backoff) rather than dropped; a message the
 * database refuses for itself is kept as a {@link RejectReason#STORE_FAILED} reject.
 */
final class AuditWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** How long a writer waits for a batch to fill once it holds a first item. */
    private static final Duration LINGER = Duration.ofMillis(10);

    private final AuditStore store;
    private final ArrCounters counters;
    private final BlockingQueue<Object> queue;
    private final int batchSize;
    private final List<Thread> threads = new ArrayList<>();
    private final RateLimitedLog problems = new RateLimitedLog(LOG);
    private volatile boolean closing;
    private volatile long drainDeadline;

    AuditWriter(AuditStore store, ArrCounters counters, int capacity, int batchSize, int writers) {
        this.store = store;
        this.counters = counters;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::run, "arr-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Queues a {@link ReceivedMessage} or a {@link Reject}, waiting while the queue is full. */
    void submit(Object item) throws InterruptedException {
        queue.put(item);
    }

    /** Items waiting to be written. */
    int depth() {
        return queue.size();
    }

    private void run() {
        List<Object> batch = new ArrayList<>(batchSize);
        while (!(closing && queue.isEmpty())) {
            try {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("ARR writer: {} items not written: {}", batch.size(), e.getClass().getName());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Adds what is queued, waiting up to {@link #LINGER} for more while the batch is not full: one
     * commit per message would cost more than the inserts themselves.
     */
    private void fill(List<Object> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= batchSize || wait <= 0) {
                return;
            }
            Object next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Object> batch) throws InterruptedException {
        List<ReceivedMessage> messages = new ArrayList<>(batch.size());
        List<Reject> rejects = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof ReceivedMessage message) {
                messages.add(message);
            } else {
                rejects.add((Reject) item);
            }
        }
        if (!messages.isEmpty()) {
            writeMessages(messages, rejects);
        }
        if (!rejects.isEmpty()) {
            withRetry(() -> store.storeRejects(rejects), rejects.size() + " rejects");
        }
    }

    private void writeMessages(List<ReceivedMessage> messages, List<Reject> rejects) throws InterruptedException {
        try {
            withRetry(() -> count(store.store(messages)), messages.size() + " audit messages");
        } catch (RuntimeException refused) {
            // the database refused the batch for what is in it (e.g. a concurrent writer stored the same
            // message): store one by one, keep as rejects the ones it refuses
            for (ReceivedMessage message : messages) {
                try {
                    withRetry(() -> count(store.store(List.of(message))), "an audit message");
                } catch (RuntimeException e) {
                    counters.storeFailed(1);
                    LOG.error("ARR: the database refused an audit message ({}); kept as a reject", e.getClass().getName());
                    byte[] xml = message.xml().getBytes(StandardCharsets.UTF_8);
                    rejects.add(new Reject(RejectReason.STORE_FAILED, e.getClass().getSimpleName(), message.transport(),
                            message.sender(), message.receivedAt(), xml.length, xml));
                }
            }
        }
    }

    private void count(AuditStore.Written written) {
        counters.stored(written.stored());
        counters.duplicates(written.duplicates());
    }

    /**
     * Runs {@code write}, retrying while the database is unreachable (until the drain deadline when
     * closing); rethrows any other failure.
     */
    private void withRetry(Runnable write, String what) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (!unreachable(e)) {
                    throw e;
                }
                if (closing && System.nanoTime() - drainDeadline > 0) {
                    LOG.error("ARR: database unreachable at shutdown, {} lost", what);
                    return;
                }
                problems.warn("unreachable", "ARR: database unreachable (" + e.getClass().getSimpleName()
                        + "), retrying; listeners are held back while the queue is full");
                Thread.sleep(backoff);
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private static boolean unreachable(RuntimeException e) {
        return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException;
    }

    /** Writes what is queued (for at most 30 s more), then stops the writers. */
    @Override
    public void close() {
        drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        closing = true;
        for (Thread thread : threads) {
            try {
                thread.join(DRAIN_TIMEOUT.toMillis() + 1_000);
                if (thread.isAlive()) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!queue.isEmpty()) {
            LOG.error("ARR stopped with {} items not written", queue.size());
        }
    }
}
