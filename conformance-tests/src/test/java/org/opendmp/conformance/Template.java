package org.opendmp.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template from {@code src/test/resources/messages/} with {@code ${name}} placeholders.
 * {@link #with} escapes the value for XML; {@link #withXml} inserts an already rendered fragment.
 * Rendering fails if a placeholder was left unfilled, so a forgotten value never reaches the server.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final String text;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code messages/<path>} from the test class path. */
    public static Template of(String path) {
        String resource = "messages/" + path;
        String text = CACHE.computeIfAbsent(resource, Template::load);
        return new Template(resource, text);
    }

    public static byte[] resourceBytes(String path) {
        return of(path).text.getBytes(StandardCharsets.UTF_8);
    }

    private static String load(String resource) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Template with(String key, Object value) {
        values.put(key, Xml.escape(String.valueOf(value)));
        return this;
    }

    public Template withXml(String key, String fragment) {
        values.put(key, fragment);
        return this;
    }

    public String render() {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("template " + name + ": no value for ${" + key + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
