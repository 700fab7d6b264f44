package org.opendmp.server.mllp;

import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpEndpoint;
import org.apache.camel.component.mllp.MllpTcpServerConsumer;
import org.apache.camel.component.mllp.internal.MllpSocketBuffer;
import org.apache.camel.component.mllp.internal.TcpServerConsumerValidationRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's MLLP endpoint with one gap closed: camel-mllp reads a connection's first frame in a
 * validation task that does not close the connection when that frame is larger than the maximum
 * frame size (the buffer's IllegalStateException ends the task, the socket stays open). Here
 * such a connection is closed, as camel-mllp does for any later frame. It also keeps the
 * maximum frame size, which the endpoint's copy of its configuration would lose.
 */
final class GuardedMllpEndpoint extends MllpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedMllpEndpoint.class);

    GuardedMllpEndpoint(String uri, MllpComponent component, MllpConfiguration configuration, int port) {
        super(uri, component, configuration);
        setHostname("0.0.0.0");
        setPort(port);
        setCharsetName("ISO-8859-1");
        // MllpConfiguration.copy() (camel-mllp 4.14.1) leaves the buffer sizes out
        getConfiguration().setMinBufferSize(configuration.getMinBufferSize());
        getConfiguration().setMaxBufferSize(configuration.getMaxBufferSize());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = new GuardedConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The MLLP server consumer whose first-frame reads close their connection on any failure. */
    private static final class GuardedConsumer extends MllpTcpServerConsumer {

        /**
         * Reads first frames (TLS handshake included) on at most maxConcurrentConsumers threads:
         * beyond that a new connection is reset at once rather than given a thread of its own.
         */
        private final ExecutorService firstFrames;

        GuardedConsumer(MllpEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
            int limit = Math.max(1, endpoint.getConfiguration().getMaxConcurrentConsumers());
            firstFrames = new java.util.concurrent.ThreadPoolExecutor(0, limit, 60, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.SynchronousQueue<>());
        }

        @Override
        public void validateConsumer(Socket socket) {
            MllpSocketBuffer buffer = new MllpSocketBuffer(getEndpoint());
            Runnable firstFrame = new TcpServerConsumerValidationRunnable(this, socket, buffer);
            try {
                firstFrames.submit(() -> {
                    try {
                        firstFrame.run();
                    } catch (RuntimeException refused) {
                        LOG.warn("MLLP connection closed: first frame refused ({})", refused.getClass().getSimpleName());
                        buffer.resetSocket(socket);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                buffer.resetSocket(socket);
            }
        }

        @Override
        protected void doStop() throws Exception {
            super.doStop();
            firstFrames.shutdownNow();
        }
    }
}
