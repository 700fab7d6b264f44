package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ITI-57 Update Document Set bodies (IHE ITI TF-2b 3.57, the DMP's TD3.3): a DocumentEntry's new version (TD3.3a/b,
 * hide from professionals or show again) and an UpdateAvailabilityStatus (TD3.3c delete, TD3.3d archive), shaped
 * like the official DMP examples; the client adds its VIHF.
 */
public final class MetadataUpdates {

    public static final String ACTION_ITI57 = "urn:ihe:iti:2010:UpdateDocumentSet";
    public static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    public static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
    public static final String XDS_METADATA_UPDATE_ERROR = "XDSMetadataUpdateError";
    /** Hidden from professionals (TRE_A07). */
    public static final Code MASQUE_PS = new Code("MASQUE_PS", Xds.TRE_A07_CONFIDENTIALITY,
            "Masqué aux professionnels de santé");
    public static final Code NORMAL = new Code("N", Xds.CONFIDENTIALITY, "Normal");

    private MetadataUpdates() {
    }

    /** Sends an ITI-57 body to the registry. */
    public static SoapResponse send(XdsClient client, String body) {
        return client.soap12(client.registry(), ACTION_ITI57, body);
    }

    /**
     * An ITI-57 body: {@code document}'s new version (its metadata as it is now, lid = its first entryUUID) with
     * PreviousVersion {@code previous}. The entry needs its registry attributes (hash, size, repositoryUniqueId).
     */
    public static String newVersion(TestData.Patient patient, DocumentEntry document, String lid, String previous) {
        Submission submission = Submission.forPatient(patient).document(document);
        String body = submission.registerBody()
                .replace("<rim:ExtrinsicObject id=\"" + document.id() + "\"",
                        "<rim:ExtrinsicObject id=\"" + document.id() + "\" lid=\"" + lid + "\"")
                .replace("<rim:Value>Original</rim:Value></rim:ValueList>\n      </rim:Slot>",
                        "<rim:Value>Original</rim:Value></rim:ValueList>\n      </rim:Slot>\n"
                                + "      <rim:Slot name=\"PreviousVersion\"><rim:ValueList><rim:Value>" + previous
                                + "</rim:Value></rim:ValueList></rim:Slot>");
        assertThat(body).contains("lid=\"" + lid + "\"").contains("PreviousVersion");
        return body;
    }

    /**
     * An ITI-57 UpdateAvailabilityStatus body (TD3.3c, TD3.3d) of the DocumentEntry {@code target} (entryUUID), in
     * a SubmissionSet of {@code patient} by {@code authorPerson} of {@code authorInstitution}.
     */
    public static String statusChange(TestData.Patient patient, String authorPerson, String authorInstitution,
                                      String target, String originalStatus, String newStatus) {
        return Template.of("iti57/update-availability-status.xml")
                .with("submissionTime", TestData.now())
                .with("authorPerson", authorPerson)
                .with("authorInstitution", authorInstitution)
                .with("patientIdDated", patient.cxNhDated("20230914"))
                .with("sourceId", "1.2.250.1.999.77.3")
                .with("submissionSetUniqueId", TestData.uniqueId())
                .with("target", target)
                .with("originalStatus", originalStatus)
                .with("newStatus", newStatus)
                .render();
    }
}
