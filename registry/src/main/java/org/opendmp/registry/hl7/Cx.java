package org.opendmp.registry.hl7;

import java.util.Objects;

/**
 * HL7 CX (extended composite id), the datatype of {@code patientId} and {@code sourcePatientId}:
 * {@code id^^^&OID&ISO}, the identifier (CX.1) and its assigning authority (CX.4).
 *
 * <p>IHE allows only CX.1 and CX.4. The French DMP also sends CX.5, the identifier type code
 * ({@code NH}), and sometimes further components such as an effective date
 * ({@code 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20210604092415}); these are accepted,
 * CX.5 is kept as {@link #identifierTypeCode()} and later components are dropped. CX.2 and CX.3
 * are refused.
 *
 * <p>Equality is that of the patient: {@link #id()} and {@link #oid()} only, so two spellings of
 * one identifier (with or without CX.5) are equal, as their {@link #canonical()} forms are.
 * {@link #toString()} does not show the identifier, which is patient data.
 *
 * @param id                 CX.1, unescaped
 * @param oid                CX.4.2, the OID of the assigning authority
 * @param identifierTypeCode CX.5, or null; not part of equality
 */
public record Cx(String id, String oid, String identifierTypeCode) {

    public Cx {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("CX.1 is required");
        }
        if (!Oid.isValid(oid)) {
            throw new IllegalArgumentException("CX.4 needs an OID");
        }
    }

    /** A CX with only CX.1 and CX.4, as IHE spells it. */
    public Cx(String id, String oid) {
        this(id, oid, null);
    }

    /** Parses {@code value}, the content of {@code attribute}; refuses it with XDSRegistryMetadataError. */
    public static Cx parse(String value, String attribute) {
        Hl7Components cx = Hl7Components.split(value, attribute, "CX");
        String id = cx.get(1);
        if (id == null) {
            throw cx.fail("needs an identifier (CX.1)");
        }
        if (!cx.isEmpty(2) || !cx.isEmpty(3)) {
            throw cx.fail("must not have CX.2 or CX.3: only CX.1 and CX.4 are allowed");
        }
        String oid = cx.assigningAuthority(4);
        if (oid == null) {
            throw cx.fail("needs an assigning authority (CX.4) as &OID&ISO");
        }
        return new Cx(id, oid, cx.get(5));
    }

    /** The IHE form {@code id^^^&oid&ISO}, the same for every spelling of this identifier. */
    public String canonical() {
        return Hl7Components.escape(id) + "^^^&" + oid + "&ISO";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cx cx && id.equals(cx.id) && oid.equals(cx.oid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, oid);
    }

    @Override
    public String toString() {
        return "Cx[id=(hidden), oid=" + oid + "]";
    }
}
