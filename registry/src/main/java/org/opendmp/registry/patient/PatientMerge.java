package org.opendmp.registry.patient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientMergeListener;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.wsdl.rim.ExternalIdentifierType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The document registry's side of a patient merge (ITI-8 A40, ITI-44 merge; ITI TF-2a 3.8.4.2.3):
 * every SubmissionSet, DocumentEntry, Folder and Association of the subsumed patient now belongs
 * to the surviving one, in the merge's transaction. The stored ebRIM objects follow, so their
 * patientId external identifier names the surviving INS; sourcePatientId (the source's own
 * identifier) is left as submitted. Queries on the subsumed id then find nothing, and new
 * submissions for it are refused with XDSUnknownPatientId.
 */
public final class PatientMerge implements PatientMergeListener {

    /** The tables keyed on the patient, with the identification scheme of their patientId when they store ebRIM. */
    private static final Map<String, String> TABLES = Map.of(
            "submission_set", XdsVocabulary.SS_PATIENT_ID,
            "document_entry", XdsVocabulary.DE_PATIENT_ID,
            "folder", XdsVocabulary.FOLDER_PATIENT_ID,
            "association", "");

    private static final Set<String> PATIENT_ID_SCHEMES = Set.of(
            XdsVocabulary.SS_PATIENT_ID, XdsVocabulary.DE_PATIENT_ID, XdsVocabulary.FOLDER_PATIENT_ID);

    private final JdbcTemplate jdbc;
    private final EbrimXml ebrimXml;

    public PatientMerge(JdbcTemplate jdbc, EbrimXml ebrimXml) {
        this.jdbc = jdbc;
        this.ebrimXml = ebrimXml;
    }

    @Override
    public void merged(PatientId subsumed, PatientId surviving) {
        String from = subsumed.canonical();
        String to = surviving.canonical();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            if (!table.getValue().isEmpty()) {
                rewriteStoredObjects(table.getKey(), from, to);
            }
            jdbc.update("UPDATE " + table.getKey() + " SET patient_id = ? WHERE patient_id = ?", to, from);
        }
    }

    private void rewriteStoredObjects(String table, String from, String to) {
        List<Object[]> rewritten = jdbc.query("SELECT uuid, ebrim FROM " + table + " WHERE patient_id = ?",
                (rs, n) -> new Object[] {withPatientId(rs.getString(2), to), rs.getString(1)}, from);
        jdbc.batchUpdate("UPDATE " + table + " SET ebrim = ? WHERE uuid = ?", rewritten);
    }

    private String withPatientId(String xml, String patientId) {
        IdentifiableType object = ebrimXml.fromXml(xml).getValue();
        if (object instanceof RegistryObjectType registryObject) {
            for (ExternalIdentifierType identifier : registryObject.getExternalIdentifier()) {
                if (PATIENT_ID_SCHEMES.contains(identifier.getIdentificationScheme())) {
                    identifier.setValue(patientId);
                }
            }
        }
        return ebrimXml.toXml(object);
    }
}
