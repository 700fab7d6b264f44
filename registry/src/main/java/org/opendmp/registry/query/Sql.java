package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;

/**
 * A WHERE clause built from fixed column names and bound values only: no client text ever
 * becomes SQL.
 */
final class Sql {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    Sql condition(String clause, Object... values) {
        if (where.length() > 0) {
            where.append(" AND ");
        }
        where.append(clause);
        args.addAll(List.of(values));
        return this;
    }

    Sql eq(String column, Object value) {
        return condition(column + " = ?", value);
    }

    /** {@code column IN (...)}; nothing when the list is empty (the parameter was not given). */
    Sql in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return this;
        }
        return condition(column + " IN (" + placeholders(values.size()) + ")", values.toArray());
    }

    Sql atLeast(String column, Long value) {
        return value == null ? this : condition(column + " >= ?", value);
    }

    Sql before(String column, Long value) {
        return value == null ? this : condition(column + " < ?", value);
    }

    /**
     * A multi-valued DocumentEntry code attribute (eventCodeList, confidentialityCode): one
     * EXISTS per AND-group, each matching any code of its group.
     */
    Sql documentEntryCodes(String attribute, List<List<String>> groups) {
        return anyOfEachGroup("EXISTS (SELECT 1 FROM document_entry_code c WHERE c.entry_uuid = d.uuid"
                + " AND c.attribute = ? AND c.code IN (", List.of(attribute), groups);
    }

    /** DocumentEntry referenceIdList, AND of ORs like the code lists; values match whole CXi values. */
    Sql documentEntryReferenceIds(List<List<String>> groups) {
        return anyOfEachGroup("EXISTS (SELECT 1 FROM document_entry_reference r WHERE r.entry_uuid = d.uuid"
                + " AND r.reference_id IN (", List.of(), groups);
    }

    /** Folder codeList, AND of ORs. */
    Sql folderCodes(List<List<String>> groups) {
        return anyOfEachGroup("EXISTS (SELECT 1 FROM folder_code c WHERE c.folder_uuid = f.uuid AND c.code IN (",
                List.of(), groups);
    }

    /** {@code column} is the target of a HasMember from the SubmissionSet or Folder {@code packageUuid}. */
    Sql memberOf(String column, String packageUuid) {
        return condition(column + " IN (SELECT m.target_uuid FROM association m WHERE m.source_uuid = ?"
                + " AND m.association_type = ?)", packageUuid, XdsVocabulary.HAS_MEMBER);
    }

    /** Associations (alias {@code a}) having one of these objects as source or target. */
    Sql sourceOrTargetIn(List<String> uuids) {
        String in = placeholders(uuids.size());
        List<Object> values = new ArrayList<>(uuids);
        values.addAll(uuids);
        return condition("(a.source_uuid IN (" + in + ") OR a.target_uuid IN (" + in + "))", values.toArray());
    }

    /** One condition per non-empty group: {@code prefix} (ending in {@code IN (}) with the group's values. */
    private Sql anyOfEachGroup(String prefix, List<Object> fixed, List<List<String>> groups) {
        for (List<String> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            List<Object> values = new ArrayList<>(fixed);
            values.addAll(group);
            condition(prefix + placeholders(group.size()) + "))", values.toArray());
        }
        return this;
    }

    /** Author person matching any of the patterns; IHE's % and _ wildcards are SQL LIKE's. */
    Sql authorLike(String table, String ownerColumn, String outerColumn, List<String> patterns) {
        if (patterns.isEmpty()) {
            return this;
        }
        StringBuilder likes = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            likes.append(i == 0 ? "" : " OR ").append("a.author_person LIKE ? ESCAPE '\\'");
        }
        List<Object> values = new ArrayList<>();
        for (String pattern : patterns) {
            values.add(pattern.replace("\\", "\\\\"));
        }
        return condition("EXISTS (SELECT 1 FROM " + table + " a WHERE a." + ownerColumn + " = " + outerColumn
                + " AND (" + likes + "))", values.toArray());
    }

    boolean isEmpty() {
        return where.length() == 0;
    }

    String where() {
        return where.length() == 0 ? "1 = 1" : where.toString();
    }

    Object[] args() {
        return args.toArray();
    }

    static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
