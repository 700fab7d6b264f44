package org.opendmp.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts ONE server per test run (per database) and hands tests an {@link XdsClient} or the
 * {@link DmpServer}. The server lives in the root {@link ExtensionContext} store and is closed when
 * the run ends: process killed, data directory deleted, embedded PostgreSQL stopped.
 *
 * <p>System properties: {@code dmp.server.jar} (the packaged server), {@code dmp.test.database}
 * ({@code h2}, the default, or {@code postgresql}: an embedded PostgreSQL is started in this JVM).
 * When a test fails, what the server logged during that test is printed.
 */
public final class ServerExtension implements ParameterResolver, BeforeEachCallback, TestWatcher {

    /** SOAP message size limit the server is started with; BadInputIT sends more than this. */
    public static final long MAX_MESSAGE_SIZE = 8L * 1024 * 1024;

    /** MLLP limits the server is started with; Hl7v2ListenerIT goes past them. */
    public static final int MLLP_IDLE_TIMEOUT_SECONDS = 3;
    public static final int MLLP_READ_TIMEOUT_SECONDS = 2;
    public static final int MLLP_MAX_FRAME_SIZE = 256 * 1024;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerExtension.class);
    private static final String LOG_OFFSET = "log-offset";

    /** The running server and its client, created once and shared by every test class. */
    public record Running(DmpServer server, EmbeddedPostgresSupport postgres, XdsClient client) {
    }

    /** Root-store resource: starts lazily, remembers a failed start, stops everything at the end. */
    static final class Handle implements ExtensionContext.Store.CloseableResource {

        private Running running;
        private RuntimeException startFailure;

        synchronized Running get() {
            if (running != null) {
                return running;
            }
            if (startFailure != null) {
                throw new IllegalStateException("the server did not start (see the first failure)", startFailure);
            }
            EmbeddedPostgresSupport postgres = null;
            try {
                String database = System.getProperty("dmp.test.database", "h2");
                Path jar = Path.of(System.getProperty("dmp.server.jar", "../server/target/dmp-server.jar"));
                List<String> arguments = new ArrayList<>();
                arguments.add("--dmp.soap.max-message-size=" + MAX_MESSAGE_SIZE);
                arguments.add("--dmp.mllp.idle-timeout=" + MLLP_IDLE_TIMEOUT_SECONDS + "s");
                arguments.add("--dmp.mllp.read-timeout=" + MLLP_READ_TIMEOUT_SECONDS + "s");
                arguments.add("--dmp.mllp.max-frame-size=" + MLLP_MAX_FRAME_SIZE);
                switch (database) {
                    case "h2" -> {
                    }
                    case "postgresql" -> {
                        postgres = EmbeddedPostgresSupport.start();
                        arguments.addAll(postgres.serverArguments());
                    }
                    default -> throw new IllegalStateException("unknown dmp.test.database " + database);
                }
                DmpServer server = DmpServer.start(jar, database, arguments);
                running = new Running(server, postgres, new XdsClient(server, MtlsClient.trusted(server.pkiDir())));
                System.out.println("[conformance] server on " + database + " ready: https://localhost:" + server.port()
                        + DmpServer.CONTEXT + " (log " + server.logFile() + ")");
                return running;
            } catch (Exception e) {
                closeQuietly(postgres);
                startFailure = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                throw startFailure;
            }
        }

        synchronized Optional<Running> ifStarted() {
            return Optional.ofNullable(running);
        }

        @Override
        public synchronized void close() {
            if (running != null) {
                running.server().close();
                closeQuietly(running.postgres());
                running = null;
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("[conformance] could not close " + closeable + ": " + e);
            }
        }
    }

    private static Handle handle(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Handle.class, key -> new Handle(),
                Handle.class);
    }

    public static Running running(ExtensionContext context) {
        return handle(context).get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == XdsClient.class || type == DmpServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Running running;
        try {
            running = running(extensionContext);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot start the DMP server: " + e.getMessage(), e);
        }
        Class<?> type = parameterContext.getParameter().getType();
        return type == XdsClient.class ? running.client() : running.server();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        handle(context).ifStarted().ifPresent(r ->
                context.getStore(NAMESPACE).put(LOG_OFFSET, r.server().logSize()));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        handle(context).ifStarted().ifPresent(r -> {
            Long offset = context.getStore(NAMESPACE).get(LOG_OFFSET, Long.class);
            DmpServer server = r.server();
            System.err.println("===== server log during " + context.getDisplayName() + " ("
                    + (server.isAlive() ? "server alive" : "SERVER DEAD") + ", " + server.logFile() + ") =====");
            System.err.println(server.logSince(offset == null ? 0 : offset));
            System.err.println("===== end of server log =====");
        });
    }
}
