package org.opendmp.server.mllp;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.component.mllp.MllpConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.opendmp.pixpdq.hl7v2.Hl7v2Receiver;
import org.opendmp.pixpdq.hl7v2.PdqContinuations;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.server.config.DmpProperties;
import org.opendmp.server.config.ServerCredentials;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The HL7v2 listener: Camel's MLLP component over TLS (the HTTPS key and trust anchors, client
 * certificate required) hands each frame to the {@link Hl7v2Receiver} and sends back its answer.
 * Camel keeps the frames' limits: a silent connection closes after the idle timeout, a frame not
 * complete within the read timeout or larger than the maximum frame size is dropped with its
 * connection; the listener itself goes on. Camel does not log message contents ({@code logPhi=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dmp.mllp.enabled", havingValue = "true", matchIfMissing = true)
public class MllpListenerConfiguration {

    @Bean
    public Hl7v2Receiver hl7v2Receiver(PatientRegistry registry, DmpProperties properties) {
        DmpProperties.Mllp mllp = properties.mllp();
        return new Hl7v2Receiver(registry,
                new PdqContinuations(mllp.pdqContinuations(), mllp.pdqContinuationTtl(), Clock.systemUTC()));
    }

    @Bean(destroyMethod = "stop")
    public CamelContext mllpListener(Hl7v2Receiver receiver, DmpProperties properties, ServerCredentials credentials,
                                     Environment environment) throws Exception {
        DmpProperties.Mllp mllp = properties.mllp();
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("hl7v2-mllp");
        MllpComponent component = new MllpComponent(camel);
        component.setLogPhi(false);
        camel.addComponent("mllp", component);
        MllpConfiguration configuration = configuration(mllp);
        configuration.setSslContextParameters(MllpTls.parameters(credentials));
        String uri = "mllp://0.0.0.0:" + mllp.port();
        GuardedMllpEndpoint endpoint = new GuardedMllpEndpoint(uri, component, configuration, mllp.port());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(endpoint).routeId("hl7v2").process(exchange -> {
                    byte[] frame = exchange.getMessage().getBody(byte[].class);
                    exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT, receiver.receive(frame));
                });
            }
        });
        int echoPort = environment.getProperty("dmp.bench.mllp-echo-port", Integer.class, 0);
        if (echoPort > 0) {
            MllpConfiguration echo = configuration(mllp);
            echo.setSslContextParameters(MllpTls.parameters(credentials));
            camel.addRoutes(new MllpEchoRoute(new GuardedMllpEndpoint("mllp://0.0.0.0:" + echoPort, component, echo,
                    echoPort)));
        }
        camel.start();
        return camel;
    }

    /** Our answers instead of Camel's automatic ACK, bytes in and out, the configured limits. */
    static MllpConfiguration configuration(DmpProperties.Mllp mllp) {
        MllpConfiguration configuration = new MllpConfiguration();
        configuration.setAutoAck(false);
        configuration.setStringPayload(false);
        configuration.setHl7Headers(false);
        configuration.setValidatePayload(false);
        configuration.setRequireEndOfData(true);
        configuration.setExchangePattern(ExchangePattern.InOut);
        int idle = (int) mllp.idleTimeout().toMillis();
        configuration.setIdleTimeout(idle);
        configuration.setReceiveTimeout((int) Math.max(100, Math.min(idle / 2, Duration.ofSeconds(15).toMillis())));
        configuration.setReadTimeout((int) mllp.readTimeout().toMillis());
        configuration.setMaxBufferSize((int) Math.max(4096, Math.min(Integer.MAX_VALUE, mllp.maxFrameSize().toBytes())));
        configuration.setMaxConcurrentConsumers(mllp.maxConnections());
        configuration.setBindTimeout(10_000);
        return configuration;
    }
}
