package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of HL7v2 messages, whatever carries them (MLLP): checks the header
 * (delimiters, version, message type and event), lets HAPI parse the message, refuses segments
 * its structure does not have (Z-segments excepted), and hands it to its transaction. Always
 * answers with an HL7 message, never an exception: AA, or AE/AR with an ERR segment. Logs carry
 * message types, control ids and error codes, never patient data.
 *
 * <table>
 * <caption>Messages accepted</caption>
 * <tr><th>MSH-9</th><th>versions</th><th>transaction</th></tr>
 * <tr><td>ADT^A01, A04, A05, A08, A40</td><td>2.5, 2.3.1</td><td>ITI-8 patient identity feed</td></tr>
 * <tr><td>QBP^Q23</td><td>2.5</td><td>ITI-9 PIX query</td></tr>
 * <tr><td>QBP^Q22, QCN^J01</td><td>2.5</td><td>ITI-21 patient demographics query, and its cancel</td></tr>
 * </table>
 */
public final class Hl7v2Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7v2Receiver.class);

    private static final Set<String> FEED_EVENTS = Set.of("A01", "A04", "A05", "A08", "A40");

    private final HapiContext hapi;
    private final Parser parser;
    private final Acks acks;
    private final Map<String, Transaction> transactions;
    /** The segment names each message structure has, worked out once per structure. */
    private final Map<Class<? extends Message>, Set<String>> segmentNames = new java.util.concurrent.ConcurrentHashMap<>();

    public Hl7v2Receiver(PatientRegistry registry, PdqContinuations continuations) {
        this.hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());
        hapi.getParserConfiguration().setIdGenerator(new ControlIds());
        this.parser = hapi.getPipeParser();
        this.acks = new Acks(hapi);
        Transaction feed = new PatientIdentityFeed(registry, acks);
        Map<String, Transaction> byEvent = new HashMap<>();
        FEED_EVENTS.forEach(event -> byEvent.put("ADT^" + event, feed));
        byEvent.put("QBP^Q23", new PixQuery(registry));
        byEvent.put("QBP^Q22", new PatientDemographicsQuery(registry, continuations));
        byEvent.put("QCN^J01", new CancelQuery(continuations, acks));
        this.transactions = Map.copyOf(byEvent);
    }

    /** The exception types of a failure, outermost first: database messages may quote patient data, types never do. */
    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null && chain.length() < 1000; t = t.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }

    /** The names of the transactions served, for the startup report. */
    public static List<String> transactions() {
        return List.of("ITI-8", "ITI-9", "ITI-21");
    }

    /** Answers one MLLP frame's payload, in the character set its MSH-18 names. */
    public byte[] receive(byte[] frame) {
        Charset charset = RawMessage.charsetOf(frame);
        return receive(new String(frame, charset)).getBytes(charset);
    }

    /** Answers one message. */
    public String receive(String text) {
        RawMessage raw = null;
        try {
            raw = RawMessage.of(text);
            return answer(raw);
        } catch (HL7Exception error) {
            log(raw, error);
            return rejectRaw(raw, error);
        } catch (RuntimeException unexpected) {
            String incident = UUID.randomUUID().toString();
            LOG.error("HL7v2 message {} failed, incident {}: {}", raw == null ? "?" : raw.controlId(), incident,
                    unexpected.getClass().getName());
            LOG.debug("incident {}: {}", incident, causes(unexpected));
            return rejectRaw(raw, Hl7Errors.error(ErrorCode.APPLICATION_INTERNAL_ERROR, new Location(),
                    "internal error, incident " + incident));
        }
    }

    private String answer(RawMessage raw) throws HL7Exception {
        raw.checkEncodingCharacters();
        checkHeader(raw);
        Message request;
        try {
            request = parser.parse(raw.text());
        } catch (HL7Exception unreadable) {
            Location where = unreadable.getLocation() == null ? new Location() : unreadable.getLocation();
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, where, "the message cannot be parsed");
        }
        Message answer;
        try {
            checkSegments(raw, request);
            answer = transactions.get(raw.messageType() + "^" + raw.triggerEvent()).answer(request);
        } catch (HL7Exception error) {
            log(raw, error);
            return acks.refuse(request, error).encode();
        }
        LOG.debug("HL7v2 {}^{} {} answered", raw.messageType(), raw.triggerEvent(), raw.controlId());
        return answer.encode();
    }

    /** Message type, event and version (MSH-9, MSH-12) are ones this receiver serves. */
    private void checkHeader(RawMessage raw) throws HL7Exception {
        String type = raw.messageType();
        if (!Set.of("ADT", "QBP", "QCN").contains(type)) {
            throw Hl7Errors.error(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, Hl7Errors.component("MSH", 9, 1, 1),
                    "message types accepted: ADT (ITI-8), QBP (ITI-9, ITI-21), QCN");
        }
        if (!transactions.containsKey(type + "^" + raw.triggerEvent())) {
            throw Hl7Errors.error(ErrorCode.UNSUPPORTED_EVENT_CODE, Hl7Errors.component("MSH", 9, 1, 2),
                    "events accepted: ADT A01, A04, A05, A08, A40; QBP Q22, Q23; QCN J01");
        }
        String version = raw.version();
        boolean supported = "2.5".equals(version) || ("2.3.1".equals(version) && "ADT".equals(type));
        if (!supported) {
            throw Hl7Errors.error(ErrorCode.UNSUPPORTED_VERSION_ID, Hl7Errors.field("MSH", 12),
                    "HL7 versions accepted: 2.5 (and 2.3.1 for ADT)");
        }
    }

    /** Every segment is one the message structure has, or a Z-segment (locally defined, ignored). */
    private void checkSegments(RawMessage raw, Message request) throws HL7Exception {
        Set<String> known = segmentNames.computeIfAbsent(request.getClass(), type -> {
            Set<String> names = new HashSet<>();
            try {
                collectSegmentNames(hapi.newMessage(type), names);
            } catch (HL7Exception e) {
                throw new IllegalStateException("HAPI structure " + type.getName() + " cannot be listed", e);
            }
            return Set.copyOf(names);
        });
        int index = 0;
        for (String name : raw.segments()) {
            index++;
            if (!name.startsWith("Z") && !known.contains(name)) {
                throw Hl7Errors.error(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                        new Location().withSegmentName(name.replaceAll("[^A-Z0-9]", "?")).withSegmentRepetition(1),
                        "segment " + index + " is not part of " + request.getName());
            }
        }
    }

    private static void collectSegmentNames(Group group, Set<String> names) throws HL7Exception {
        for (String name : group.getNames()) {
            Class<? extends Structure> type = group.getClass(name);
            if (Group.class.isAssignableFrom(type)) {
                collectSegmentNames((Group) group.get(name), names);
            } else {
                names.add(type.getSimpleName());
            }
        }
    }

    private String rejectRaw(RawMessage raw, HL7Exception error) {
        try {
            return acks.refuse(raw, error);
        } catch (HL7Exception | RuntimeException e) {
            LOG.error("cannot build an HL7v2 ACK: {}", e.getClass().getName());
            return "MSH|^~\\&|||||||ACK||P|2.5\rMSA|AR|" + (raw == null ? "" : raw.controlId()) + "\r";
        }
    }

    private static void log(RawMessage raw, HL7Exception error) {
        LOG.info("HL7v2 {} {} refused: {} {} at {}", raw == null ? "?" : raw.messageType() + "^" + raw.triggerEvent(),
                raw == null ? "?" : raw.controlId(), Hl7Errors.ackCode(error), error.getError().getCode(),
                error.getLocation());
    }
}
