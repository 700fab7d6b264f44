package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;

/**
 * GetSubmissionSets (ITI TF-2a 3.18.4.1.2.3.7.9): the SubmissionSets having one of the given
 * objects ($uuid: DocumentEntries, Folders or Associations) as a member, and the HasMember
 * Associations from those SubmissionSets to those objects. A DocumentEntry the caller may not see
 * is unknown.
 */
public final class GetSubmissionSets implements StoredQuery {

    public static final String ID = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetSubmissionSets";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        List<String> members = new ArrayList<>(p.requiredList("$uuid"));
        members.removeAll(context.hidden(members)); // a hidden DocumentEntry is unknown
        if (members.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(XdsVocabulary.HAS_MEMBER);
        args.addAll(members);
        Sql sets = new Sql().condition("s.uuid IN (SELECT m.source_uuid FROM association m WHERE m.association_type = ?"
                + " AND m.target_uuid IN (" + Sql.placeholders(members.size()) + "))", args.toArray());
        List<Row> rows = new ArrayList<>(context.select("submission_set", "s", sets, "s.submission_time, s.uuid"));
        if (rows.isEmpty()) {
            return rows;
        }
        Sql links = new Sql().eq("a.association_type", XdsVocabulary.HAS_MEMBER)
                .in("a.source_uuid", rows.stream().map(Row::uuid).toList())
                .in("a.target_uuid", members);
        rows.addAll(context.select("association", "a", links, "a.uuid"));
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
