package org.opendmp.conformance;

/** SOAP envelopes around request bodies, with WS-Addressing headers as IHE requires. */
public final class SoapMessages {

    /** An envelope ready to send, with the MessageID the response must relate to. */
    public record Envelope(String messageId, String xml) {
    }

    private SoapMessages() {
    }

    public static Envelope soap12(String action, String to, String body) {
        return envelope("soap12-envelope.xml", action, to, body);
    }

    public static Envelope soap11(String action, String to, String body) {
        return envelope("soap11-envelope.xml", action, to, body);
    }

    private static Envelope envelope(String template, String action, String to, String body) {
        String messageId = TestData.uuid();
        String xml = Template.of(template).with("action", action).with("messageId", messageId).with("to", to)
                .withXml("body", body).render();
        Xml.parse(xml); // fail fast on a malformed test message
        return new Envelope(messageId, xml);
    }
}
