package org.opendmp.registry.affinity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.opendmp.registry.model.Code;

/**
 * The accepted values of one coded attribute: (code, codingScheme) pairs, or code systems only
 * for {@link CodedAttribute#codeSystemsOnly()} attributes. A code matches on code and
 * codingScheme, both exact; its display name is never compared (DMP software sends variants).
 *
 * <p>File format (UTF-8, one entry a line, blank lines and lines starting with {@code #} ignored):
 * <pre>
 * &#64;name JDV_J06-XdsClassCode-CISIS
 * 10&lt;TAB&gt;1.2.250.1.213.1.1.4.1&lt;TAB&gt;Compte rendu
 * </pre>
 * for code lists ({@code code<TAB>codingScheme[<TAB>display name]}), and
 * {@code codingScheme[<TAB>name]} for code-system lists. The optional {@code @name} line names the
 * value set in error messages (default: the file's name).
 */
public record ValueSet(String name, CodedAttribute attribute, Set<String> entries) {

    public ValueSet {
        entries = Set.copyOf(entries);
    }

    public boolean contains(Code code) {
        return entries.contains(attribute.codeSystemsOnly() ? code.scheme() : code.key());
    }

    public int size() {
        return entries.size();
    }

    /**
     * Reads a value set file; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    public static ValueSet read(CodedAttribute attribute, String source, InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String name = null;
            Set<String> entries = new HashSet<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (text.isBlank() || text.strip().startsWith("#")) {
                    continue;
                }
                if (text.startsWith("@")) {
                    if (!text.startsWith("@name ") || text.substring(6).isBlank() || name != null) {
                        throw bad(source, number, "the only directive is one '@name <value set name>'");
                    }
                    name = text.substring(6).strip();
                    continue;
                }
                String entry = entry(attribute, text.split("\t", -1), source, number);
                if (!entries.add(entry)) {
                    throw bad(source, number, "listed twice: " + entry);
                }
            }
            return new ValueSet(name != null ? name : source, attribute, entries);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String entry(CodedAttribute attribute, String[] fields, String source, int number) {
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        if (attribute.codeSystemsOnly()) {
            if (fields.length > 2 || fields[0].isEmpty() || fields[0].contains(" ")) {
                throw bad(source, number, "expected codingScheme<TAB>name (the code systems accepted for "
                        + attribute.attributeName() + ")");
            }
            return fields[0];
        }
        if (fields.length < 2 || fields.length > 3 || fields[0].isEmpty() || fields[1].isEmpty()
                || fields[1].contains(" ")) {
            throw bad(source, number, "expected code<TAB>codingScheme<TAB>display name");
        }
        return Code.key(fields[0], fields[1]);
    }

    private static IllegalArgumentException bad(String source, int number, String message) {
        return new IllegalArgumentException(source + " line " + number + ": " + message);
    }
}
