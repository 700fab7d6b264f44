package org.opendmp.registry.query;

import java.util.List;

/**
 * FindFolders (ITI TF-2a 3.18.4.1.2.3.7.3): a patient's Folders by lastUpdateTime range
 * (From inclusive, To exclusive), codeList (AND of ORs) and availabilityStatus.
 */
public final class FindFolders implements StoredQuery {

    public static final String ID = "urn:uuid:958f3006-baad-4929-a4de-ff1114824431";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "FindFolders";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        Sql sql = new Sql()
                .eq("f.patient_id", QueryContext.patientId(p.single("$XDSFolderPatientId", true), "$XDSFolderPatientId"))
                .in("f.status", p.requiredList("$XDSFolderStatus"))
                .atLeast("f.last_update_time", QueryContext.time(p, "$XDSFolderLastUpdateTimeFrom"))
                .before("f.last_update_time", QueryContext.time(p, "$XDSFolderLastUpdateTimeTo"))
                .folderCodes(p.andOfOrs("$XDSFolderCodeList"));
        return context.select("folder", "f", sql, "f.last_update_time, f.uuid");
    }
}
