package org.opendmp.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, distinct test data for every test: patients (valid INS-NIR), OIDs for uniqueIds, contents.
 * Tests never share a patient or a uniqueId, so they can run in any order against one server.
 */
public final class TestData {

    /** Root of every uniqueId made by the tests: a private test arc plus the start time of this run. */
    private static final String OID_ROOT = "1.2.250.1.999.77." + (System.currentTimeMillis() / 1000);
    private static final AtomicInteger OID_COUNTER = new AtomicInteger();
    private static final AtomicInteger PATIENT_COUNTER = new AtomicInteger();
    private static final Random RANDOM = new Random();
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private TestData() {
    }

    /** A patient with a fresh, valid INS-NIR under the INS-NIR test authority. */
    public static Patient newPatient() {
        return new Patient(newNir(), Xds.INS_NIR_TEST_OID);
    }

    /** A patient with a fresh valid NIR under another assigning authority. */
    public static Patient newPatient(String assigningAuthorityOid) {
        return new Patient(newNir(), assigningAuthorityOid);
    }

    /**
     * A fresh 15-character NIR: sex, birth year and month, department (never Corsica: 2A/2B are
     * covered by {@link #nirKey}), commune and order number, followed by its key. The commune and
     * order come from a counter so two calls never give the same NIR in one run.
     */
    public static String newNir() {
        int n = PATIENT_COUNTER.getAndIncrement();
        int sex = 1 + RANDOM.nextInt(2);
        int year = RANDOM.nextInt(100);
        int month = 1 + RANDOM.nextInt(12);
        int department = 1 + RANDOM.nextInt(95);
        if (department == 20) {
            department = 21;
        }
        int commune = 1 + (n / 999) % 990;
        int order = 1 + n % 999;
        String body = String.format("%d%02d%02d%02d%03d%03d", sex, year, month, department, commune, order);
        return body + nirKey(body);
    }

    /** The NIR key: 97 - (N mod 97) as 2 digits, with Corsican 2A read as 19 and 2B as 18. */
    public static String nirKey(String thirteen) {
        String digits = thirteen.replace("2A", "19").replace("2B", "18");
        long n = Long.parseLong(digits);
        return String.format("%02d", 97 - (n % 97));
    }

    /** The same NIR with a key that is wrong (still two digits). */
    public static String withWrongKey(String nir) {
        int key = Integer.parseInt(nir.substring(13));
        int wrong = key >= 97 ? 1 : key + 1;
        return nir.substring(0, 13) + String.format("%02d", wrong);
    }

    /** A fresh OID usable as a document, submission set or source uniqueId. */
    public static String uniqueId() {
        return OID_ROOT + "." + OID_COUNTER.incrementAndGet();
    }

    public static String uuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** Current UTC time as an HL7 DTM to the second. */
    public static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DTM);
    }

    /** A small, unique CDA-like document. */
    public static byte[] cdaDocument(String title) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n"
                + "  <title>" + Xml.escape(title) + "</title>\n"
                + "  <text>Contenu de test généré " + UUID.randomUUID() + "</text>\n"
                + "</ClinicalDocument>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes, including every byte value, CR/LF pairs and MIME-boundary-like runs. */
    public static byte[] binaryDocument(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        byte[] tricky = "\r\n--MIMEBoundary\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + tricky.length < size; at += Math.max(size / 7, tricky.length + 1)) {
            System.arraycopy(tricky, 0, bytes, at, tricky.length);
        }
        return bytes;
    }

    /** Lowercase hex SHA-1, as the XDS hash attribute. */
    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test patient: NIR and assigning authority, with the CX spellings XDS clients use. */
    public record Patient(String nir, String authorityOid) {

        /** Strict IHE form: CX.1 and CX.4 only. */
        public String cx() {
            return nir + "^^^&" + authorityOid + "&ISO";
        }

        /** DMP form with CX.5 identifier type code NH. */
        public String cxNh() {
            return cx() + "^NH";
        }

        /** DMP form with NH and a trailing date in CX.7, as sent by some DMP-compatible software. */
        public String cxNhDated(String date) {
            return cxNh() + "^^" + date;
        }

        @Override
        public String toString() {
            return cx();
        }
    }
}
