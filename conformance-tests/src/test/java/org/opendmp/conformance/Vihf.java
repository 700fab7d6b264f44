package org.opendmp.conformance;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.vihf.DevelopmentVihfPki;
import org.opendmp.security.vihf.VihfBuilder;
import org.opendmp.security.vihf.VihfSigner;

/**
 * Who the test client says it is: the claims of the VIHF (the signed SAML 2.0 assertion in
 * {@code wsse:Security}) and the development credential that signs them. Immutable: every request
 * gets a freshly built and signed assertion, naming the patient the request is about (see
 * {@link XdsClient}).
 *
 * <p>{@link #doctor()}, the demo doctor with his card ({@code DIRECTE}, normal access), is every
 * test's default; a test that needs someone else says so with {@code xds.as(Vihf.nurse())}.
 */
public final class Vihf {

    /** The development credential that signs the assertion (both live in {@code <data>/pki/vihf}). */
    public enum Signer {
        /** {@code doctor.p12}: the demo doctor's professional card, trusted for {@code DIRECTE}. */
        DOCTOR_CARD,
        /** {@code facility.p12}: the demo facility's certificate, trusted for the {@code INDIRECTE} modes. */
        FACILITY
    }

    /** The demo doctor's national id (idNat_PS), the NameID of {@link #doctor()}. */
    public static final String DOCTOR_ID = DevelopmentVihfPki.DEMO_PROFESSIONAL_ID;
    /** The demo doctor as an authorPerson (XCN): documents he wrote. */
    public static final String DOCTOR_XCN = DOCTOR_ID + "^DEMO^DR^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    /** The demo facility's national id (idNat_Struct), the {@code Identifiant_Structure} of every identity here. */
    public static final String FACILITY_ID = DevelopmentVihfPki.DEMO_FACILITY_ID;

    /** TRE_G15 profession code of nurses. */
    public static final String NURSE = "60";
    /** The demo nurse's national id (idNat_PS, a test RPPS number). */
    public static final String NURSE_ID = "899900000002";

    private final String name;
    private final Supplier<VihfBuilder> claims;
    private final UnaryOperator<VihfBuilder> changes;
    private final Signer signer;
    private final VihfSigner.Algorithm algorithm;

    private Vihf(String name, Supplier<VihfBuilder> claims, UnaryOperator<VihfBuilder> changes, Signer signer,
                 VihfSigner.Algorithm algorithm) {
        this.name = name;
        this.claims = claims;
        this.changes = changes;
        this.signer = signer;
        this.algorithm = algorithm;
    }

    /** The demo doctor (general practitioner) with his card: {@code DIRECTE}, normal access. The default. */
    public static Vihf doctor() {
        return new Vihf("doctor", DevelopmentVihfPki::doctorAssertion, UnaryOperator.identity(), Signer.DOCTOR_CARD,
                VihfSigner.Algorithm.RSA_SHA256);
    }

    /** The demo doctor vouched for by the demo facility's certificate ({@code INDIRECTE}). */
    public static Vihf doctorThroughFacility() {
        return new Vihf("doctor through the facility", DevelopmentVihfPki::facilityAssertion, UnaryOperator.identity(),
                Signer.FACILITY, VihfSigner.Algorithm.RSA_SHA256);
    }

    /** A nurse of the demo facility, vouched for by its certificate ({@code INDIRECTE}). */
    public static Vihf nurse() {
        return new Vihf("nurse", () -> DevelopmentVihfPki.facilityAssertion().professionalId(NURSE_ID)
                .displayName("Infirmière Demo").role(NURSE, Role.PROFESSIONS).specialty(null, null),
                UnaryOperator.identity(), Signer.FACILITY, VihfSigner.Algorithm.RSA_SHA256);
    }

    /**
     * An automated system of the demo facility acting on its own behalf (role {@code AUTOMATE}, code system
     * {@value Role#AUTOMATON_SYSTEM}), signed with the facility's certificate ({@code INDIRECTE}); its
     * NameID is the facility's id.
     */
    public static Vihf automaton() {
        return new Vihf("automaton", () -> DevelopmentVihfPki.facilityAssertion()
                .professionalId(DevelopmentVihfPki.DEMO_FACILITY_ID).displayName("Automate de test")
                .role(Role.AUTOMATON_CODE, Role.AUTOMATON_SYSTEM).specialty(null, null),
                UnaryOperator.identity(), Signer.FACILITY, VihfSigner.Algorithm.RSA_SHA256);
    }

    /** The same caller in another access mode (centre 15, bris de glace). */
    public Vihf purposeOfUse(PurposeOfUse purpose) {
        return with(claims -> claims.purposeOfUse(purpose)).named(name + ", " + purpose.code());
    }

    /** The same claims in another authentication mode, signed with the credential that mode calls for. */
    public Vihf authenticationMode(AuthenticationMode mode) {
        Vihf changed = with(claims -> claims.authenticationMode(mode)).named(name + ", " + mode);
        return changed.signedBy(mode.indirect() ? Signer.FACILITY : Signer.DOCTOR_CARD);
    }

    /** The same identity with further changes to its claims (applied after the patient is set). */
    public Vihf with(UnaryOperator<VihfBuilder> change) {
        Objects.requireNonNull(change, "change");
        return new Vihf(name + " (changed)", claims, builder -> change.apply(changes.apply(builder)), signer, algorithm);
    }

    /** The same claims signed with another credential (a wrong one, for negative tests). */
    public Vihf signedBy(Signer other) {
        return new Vihf(name, claims, changes, other, algorithm);
    }

    /** The same claims signed with another algorithm (RSA-SHA1 as in the DMP's older examples). */
    public Vihf algorithm(VihfSigner.Algorithm other) {
        return new Vihf(name, claims, changes, signer, other);
    }

    private Vihf named(String other) {
        return new Vihf(other, claims, changes, signer, algorithm);
    }

    /** The credential that signs this identity's assertions. */
    public Signer signer() {
        return signer;
    }

    /** The claims, unsigned, naming {@code patientCx} as resource-id (none when {@code null}). */
    public VihfBuilder claims(String patientCx) {
        return changes.apply(claims.get().patientId(patientCx));
    }

    /** A freshly signed assertion, serialized, naming {@code patientCx} as resource-id (none when {@code null}). */
    public String signedAssertion(VihfSigners signers, String patientCx) {
        return claims(patientCx).signToXml(signers.signer(signer).withAlgorithm(algorithm));
    }

    @Override
    public String toString() {
        return "Vihf[" + name + ", signed with " + signer + ", " + algorithm + "]";
    }
}
