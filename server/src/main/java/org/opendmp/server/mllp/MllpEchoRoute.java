package org.opendmp.server.mllp;

import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HL7 v2 baseline for benchmarks only ({@code dmp.bench.mllp-echo-port}; off by default):
 * the same Camel MLLP listener, TLS setup and limits as the real one, answering every frame with
 * an AA acknowledgment that repeats its control id (MSH-10) without parsing the message or
 * touching the patient registry. The difference between the two is what ITI-8, ITI-9 and ITI-21
 * themselves cost.
 */
final class MllpEchoRoute extends RouteBuilder {

    private final GuardedMllpEndpoint endpoint;

    MllpEchoRoute(GuardedMllpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from(endpoint).routeId("hl7v2-echo").process(exchange -> exchange.setProperty(
                org.apache.camel.component.mllp.MllpConstants.MLLP_ACKNOWLEDGEMENT,
                acknowledge(exchange.getMessage().getBody(byte[].class))));
    }

    /** {@code MSH|^~\&|||||||ACK|<id>|P|2.5 CR MSA|AA|<id>}, the id taken from MSH-10 of the frame. */
    static byte[] acknowledge(byte[] frame) {
        String message = new String(frame, StandardCharsets.ISO_8859_1);
        int end = message.indexOf('\r');
        String[] msh = (end < 0 ? message : message.substring(0, end)).split("\\|", -1);
        String controlId = msh.length > 9 ? msh[9] : "";
        return ("MSH|^~\\&|||||||ACK|E" + controlId + "|P|2.5\rMSA|AA|" + controlId + "\r")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
