package org.opendmp.registry.testsupport;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.opendmp.wsdl.lcm.SubmitObjectsRequest;

/**
 * Test submissions built from one ITI-42 template (submission.xml) with fresh uniqueIds and
 * a chosen patient; {@link #NIR} and {@link #nir(long)} give valid test INS numbers.
 */
public final class Submissions {

    public static final String INS_TEST_OID = "1.2.250.1.213.1.4.10";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(SubmitObjectsRequest.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Submissions() {
    }

    /** A valid INS-NIR built from 13 digits (key = 97 - n mod 97). */
    public static String nir(long thirteenDigits) {
        return String.format("%013d%02d", thirteenDigits, 97 - thirteenDigits % 97);
    }

    public static String patient(String nir) {
        return nir + "^^^&" + INS_TEST_OID + "&ISO";
    }

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** The template's text with placeholders replaced; tweak it before {@link #parse}. */
    public static String template(String patientId, long id) {
        try (InputStream in = Submissions.class.getResourceAsStream("/submission.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@PATIENT@", patientId.replace("&", "&amp;"))
                    .replace("@DOCUMENT_UID@", "1.2.250.1.999.2.3." + id)
                    .replace("@SUBMISSION_UID@", "1.2.250.1.999.2.1." + id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SubmitObjectsRequest parse(String xml) {
        try {
            return (SubmitObjectsRequest) CONTEXT.createUnmarshaller().unmarshal(new StringReader(xml));
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
