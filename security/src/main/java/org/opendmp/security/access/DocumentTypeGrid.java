package org.opendmp.security.access;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grid of document types each profession may see ({@code document-types.csv}, docs/ACCESS-RULES.md):
 * profession x typeCode scheme x typeCode to ALLOW or DENY (plus an ignored label). The first row that matches decides; no
 * matching row means DENY. Compiled at load into hash maps, so a lookup is at most three map reads.
 */
final class DocumentTypeGrid {

    static final List<String> COLUMNS = List.of("profession", "type_code_scheme", "type_code", "decision", "label");
    private static final String ANY = "*";

    private record Row(int line, String profession, String scheme, String code, boolean allows) {
        boolean covers(Row other) {
            return (profession.equals(ANY) || profession.equals(other.profession))
                    && (scheme.equals(ANY) || scheme.equals(other.scheme))
                    && (code.equals(ANY) || code.equals(other.code));
        }

        /** Whether the row matches; a {@code null} scheme or code stands for one no row names. */
        boolean matches(String typeScheme, String typeCode) {
            return (scheme.equals(ANY) || scheme.equals(typeScheme)) && (code.equals(ANY) || code.equals(typeCode));
        }
    }

    /** The answers for one profession: named codes, then per named scheme, then for any other scheme. */
    private record Table(Map<String, Map<String, Boolean>> codes, Map<String, Boolean> schemes, boolean otherwise) {
        boolean allows(String scheme, String code) {
            Map<String, Boolean> byCode = codes.get(scheme);
            if (byCode != null) {
                Boolean answer = byCode.get(code);
                if (answer != null) {
                    return answer;
                }
            }
            Boolean answer = schemes.get(scheme);
            return answer != null ? answer : otherwise;
        }
    }

    private final String source;
    private final int rowCount;
    private final Map<String, Table> professions;
    private final Table otherProfessions;

    private DocumentTypeGrid(String source, int rowCount, Map<String, Table> professions, Table otherProfessions) {
        this.source = source;
        this.rowCount = rowCount;
        this.professions = professions;
        this.otherProfessions = otherProfessions;
    }

    /** Whether {@code profession} (a TRE_G15 code, or another role code) may see documents of this type. */
    boolean allows(String profession, String typeCodeScheme, String typeCode) {
        Table table = professions.get(profession);
        return (table != null ? table : otherProfessions).allows(typeCodeScheme, typeCode);
    }

    String source() {
        return source;
    }

    int rowCount() {
        return rowCount;
    }

    static DocumentTypeGrid parse(String source, Reader reader) {
        RuleFile file = RuleFile.read(source, reader, COLUMNS, 4, Set.of());
        List<Row> rows = new ArrayList<>();
        for (RuleFile.Row line : file.rows()) {
            Row row = row(file, line);
            for (Row earlier : rows) {
                if (earlier.covers(row)) {
                    throw file.error(line, "this row never applies: line " + earlier.line() + " matches first");
                }
            }
            rows.add(row);
        }
        Set<String> named = new LinkedHashSet<>();
        for (Row row : rows) {
            if (!row.profession().equals(ANY)) {
                named.add(row.profession());
            }
        }
        Map<String, Table> professions = new HashMap<>();
        for (String profession : named) {
            professions.put(profession, table(rows.stream()
                    .filter(row -> row.profession().equals(profession) || row.profession().equals(ANY)).toList()));
        }
        Table others = table(rows.stream().filter(row -> row.profession().equals(ANY)).toList());
        return new DocumentTypeGrid(source, rows.size(), Collections.unmodifiableMap(professions), others);
    }

    private static Row row(RuleFile file, RuleFile.Row line) {
        String profession = line.cell(0);
        String scheme = line.cell(1);
        String code = line.cell(2);
        String decision = line.cell(3);
        if (scheme.equals(ANY) && !code.equals(ANY)) {
            throw file.error(line, "a type_code needs its type_code_scheme (codes of different schemes may coincide)");
        }
        if (!decision.equals("ALLOW") && !decision.equals("DENY")) {
            throw file.error(line, "decision must be ALLOW or DENY, found " + decision);
        }
        return new Row(line.line(), profession, scheme, code, decision.equals("ALLOW"));
    }

    /** The answers of {@code rows} (in file order) for every named scheme and code, and for the rest. */
    private static Table table(List<Row> rows) {
        Map<String, Map<String, Boolean>> codes = new HashMap<>();
        Map<String, Boolean> schemes = new HashMap<>();
        for (Row row : rows) {
            if (row.scheme().equals(ANY)) {
                continue;
            }
            schemes.computeIfAbsent(row.scheme(), scheme -> first(rows, scheme, null));
            if (!row.code().equals(ANY)) {
                codes.computeIfAbsent(row.scheme(), scheme -> new HashMap<>())
                        .computeIfAbsent(row.code(), code -> first(rows, row.scheme(), code));
            }
        }
        return new Table(codes, schemes, first(rows, null, null));
    }

    private static boolean first(List<Row> rows, String scheme, String code) {
        for (Row row : rows) {
            if (row.matches(scheme, code)) {
                return row.allows();
            }
        }
        return false;
    }
}
