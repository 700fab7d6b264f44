package org.opendmp.security.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common shape of the access rules files: UTF-8 text, blank lines and {@code #} comments ignored,
 * {@code @name values...} directive lines, then a header line naming the columns, then one rule per
 * line, cells separated by commas (no quoting: no value contains a comma). Trailing optional cells may
 * be left out.
 */
final class RuleFile {

    /** One rule line: its number and its trimmed cells, padded to the header's width. */
    record Row(int line, List<String> cells) {
        String cell(int column) {
            return cells.get(column);
        }
    }

    private final String source;
    private final Map<String, List<String>> directives;
    private final List<Row> rows;

    private RuleFile(String source, Map<String, List<String>> directives, List<Row> rows) {
        this.source = source;
        this.directives = directives;
        this.rows = rows;
    }

    /**
     * Reads a rules file.
     *
     * @param columns         the expected header
     * @param requiredColumns how many leading columns every row must fill
     * @param directiveNames  the directives the file may carry, each at most once
     */
    static RuleFile read(String source, Reader reader, List<String> columns, int requiredColumns,
            Set<String> directiveNames) {
        Map<String, List<String>> directives = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        try {
            for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                number++;
                String text = (number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).trim();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("@")) {
                    directive(source, number, text, directiveNames, directives);
                } else if (!headerSeen) {
                    header(source, number, text, columns);
                    headerSeen = true;
                } else {
                    rows.add(row(source, number, text, columns, requiredColumns));
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidAccessRulesException(source, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (!headerSeen) {
            throw new InvalidAccessRulesException(source, 0, "no header line (expected " + String.join(",", columns) + ")");
        }
        return new RuleFile(source, directives, List.copyOf(rows));
    }

    private static void directive(String source, int number, String text, Set<String> names,
            Map<String, List<String>> directives) {
        String[] words = text.split("\\s+");
        String name = words[0];
        if (!names.contains(name)) {
            throw new InvalidAccessRulesException(source, number, "unknown directive " + name
                    + (names.isEmpty() ? " (this file takes none)" : " (expected one of " + names + ")"));
        }
        if (directives.containsKey(name)) {
            throw new InvalidAccessRulesException(source, number, "directive " + name + " given twice");
        }
        directives.put(name, List.of(Arrays.copyOfRange(words, 1, words.length)));
    }

    private static void header(String source, int number, String text, List<String> columns) {
        List<String> found = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        if (!found.equals(columns)) {
            throw new InvalidAccessRulesException(source, number, "expected the header " + String.join(",", columns)
                    + " as the first line that is not a comment or directive, found " + text);
        }
    }

    private static Row row(String source, int number, String text, List<String> columns, int required) {
        String[] split = text.split(",", -1);
        if (split.length > columns.size()) {
            throw new InvalidAccessRulesException(source, number, split.length + " cells, expected at most "
                    + columns.size() + " (" + String.join(",", columns) + ")");
        }
        List<String> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String cell = i < split.length ? split[i].trim() : "";
            if (cell.isEmpty() && i < required) {
                throw new InvalidAccessRulesException(source, number, "empty " + columns.get(i));
            }
            cells.add(cell);
        }
        return new Row(number, List.copyOf(cells));
    }

    String source() {
        return source;
    }

    List<Row> rows() {
        return rows;
    }

    /** The values of directive {@code name}, or {@code null} when the file does not carry it. */
    List<String> directive(String name) {
        return directives.get(name);
    }

    InvalidAccessRulesException error(Row row, String problem) {
        return new InvalidAccessRulesException(source, row.line(), problem);
    }
}
