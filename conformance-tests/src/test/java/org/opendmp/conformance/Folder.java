package org.opendmp.conformance;

import java.util.List;

/**
 * Fluent builder of one XDS Folder (an ebRIM RegistryPackage classified as Folder). Defaults give
 * a valid Folder with a fresh uniqueId and one codeList code; {@link Submission#folder} adds it to
 * a submission together with its HasMember Associations.
 */
public final class Folder {

    /** A CIM-10 code: the server's default (dmp) affinity domain accepts CCAM, CIM-10 and LOINC in Folder codeList. */
    public static final Code DEFAULT_CODE = new Code("Z34", Xds.CIM_10, "Surveillance d'une grossesse normale");

    private String id;
    private String uniqueId = TestData.uniqueId();
    private String title = "Dossier de test";
    private List<Code> codes = List.of(DEFAULT_CODE);

    private Folder() {
    }

    public static Folder create() {
        return new Folder();
    }

    /** Symbolic id of the RegistryPackage (set by {@link Submission} when not given). */
    public Folder id(String symbolicId) {
        this.id = symbolicId;
        return this;
    }

    public Folder uniqueId(String value) {
        this.uniqueId = value;
        return this;
    }

    public Folder title(String value) {
        this.title = value;
        return this;
    }

    /** XDSFolder.codeList. */
    public Folder codes(Code... values) {
        this.codes = List.of(values);
        return this;
    }

    public String id() {
        return id;
    }

    public String uniqueId() {
        return uniqueId;
    }

    String render(String patientCx) {
        if (id == null) {
            throw new IllegalStateException("Folder without symbolic id");
        }
        StringBuilder classifications = new StringBuilder();
        int n = 0;
        for (Code code : codes) {
            classifications.append(Template.of("metadata/code-classification.xml")
                    .with("id", id + "-cl" + (++n)).with("scheme", Xds.FOLDER_CODE_LIST).with("classifiedObject", id)
                    .with("code", code.code()).with("codingScheme", code.scheme())
                    .with("displayName", code.displayName()).render());
        }
        String identifiers = externalIdentifier("-ei1", Xds.FOLDER_PATIENT_ID, patientCx, "XDSFolder.patientId")
                + externalIdentifier("-ei2", Xds.FOLDER_UNIQUE_ID, uniqueId, "XDSFolder.uniqueId");
        return Template.of("metadata/folder.xml").with("id", id).with("title", title)
                .withXml("classifications", classifications.toString()).withXml("externalIdentifiers", identifiers)
                .render();
    }

    private String externalIdentifier(String suffix, String scheme, String value, String name) {
        return Template.of("metadata/external-identifier.xml").with("id", id + suffix).with("scheme", scheme)
                .with("registryObject", id).with("value", value).with("name", name).render();
    }
}
