package org.opendmp.pixpdq.hl7v3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Test messages from {@code src/test/resources/hl7v3}, with {@code ${name}} placeholders filled. */
final class TestMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final String name;
    private final Map<String, String> values = new HashMap<>();

    private TestMessages(String name) {
        this.name = name;
        values.put("messageId", UUID.randomUUID().toString());
        values.put("queryId", UUID.randomUUID().toString());
        values.put("now", "20260101120000");
        values.put("insRoot", "1.2.250.1.213.1.4.10");
    }

    static TestMessages of(String name) {
        return new TestMessages(name);
    }

    TestMessages with(String key, String value) {
        values.put(key, value);
        return this;
    }

    Element element() {
        String text;
        try (InputStream in = TestMessages.class.getResourceAsStream("/hl7v3/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(name + ": no value for " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        try {
            return Hl7v3Xml.newBuilder().parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(name + " is not well-formed", e);
        }
    }

    /** An ITI-44 add of this INS with a local identifier. */
    static TestMessages iti44(String template, String nir, String localRoot, String localId) {
        return of(template).with("nir", nir).with("localRoot", localRoot).with("localId", localId)
                .with("given", "JEAN").with("family", "DECHAINE").with("sex", "M").with("birthTime", "19800301");
    }

    /** A TD1.1 creation of this INS. */
    static TestMessages creation(String nir, boolean brisDeGlace, boolean urgence) {
        return of("td11-create.xml").with("nir", nir).with("given", "IRENE").with("family", "ENCHAINE")
                .with("sex", "F").with("birthTime", "19570628").with("consent", "true")
                .with("oppositionBrisDeGlace", String.valueOf(brisDeGlace))
                .with("oppositionAccesUrgence", String.valueOf(urgence));
    }
}
