package org.opendmp.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The server's own settings ({@code dmp.*}); every one has a default that suits the embedded
 * mode. Documented in docs/CONFIGURATION.md.
 *
 * @param dataDir    where the embedded database and the development PKI live
 * @param tls        server key and client trust anchors; the development PKI when not set
 * @param patients   the patient registry
 * @param registry   registry rules
 * @param repository repository identity
 * @param soap       limits on SOAP messages
 * @param mllp       the HL7v2 listener (MLLP over TLS)
 * @param vihf       VIHF assertion checking
 * @param portal     the patient portal's back-end API
 * @param access     the DMP's access rules
 */
@ConfigurationProperties("dmp")
public record DmpProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Tls tls,
        @DefaultValue Patients patients,
        @DefaultValue Registry registry,
        @DefaultValue Repository repository,
        @DefaultValue Soap soap,
        @DefaultValue Mllp mllp,
        @DefaultValue Vihf vihf,
        @DefaultValue Portal portal,
        @DefaultValue Access access) {

    /**
     * @param keyStore       PKCS#12 holding the server key and certificate chain
     * @param keyStorePassword its password
     * @param trustAnchors   PEM file of the CAs whose client certificates are accepted
     */
    public record Tls(Path keyStore, @DefaultValue("changeit") String keyStorePassword, Path trustAnchors) {
        public boolean configured() {
            return keyStore != null;
        }
    }

    /**
     * @param insAuthorities the INS assigning authorities the patient registry accepts (production
     *                       NIR and NIA, test and demonstration NIR by default; production
     *                       deployments keep only the first two)
     */
    public record Patients(
            @DefaultValue({"1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"})
            List<String> insAuthorities) {
    }

    /**
     * @param maxQueryResults            the most objects one stored query may return (XDSTooManyResults beyond)
     * @param affinityDomain             the shipped value set profile codes are checked against: {@code dmp}
     *                                   (the French DMP's) or {@code ihe-test} (any well-formed code)
     * @param affinityDomainDir          a directory of value set files replacing the profile's files of the
     *                                   same name (docs/AFFINITY-DOMAIN.md); none when not set
     */
    public record Registry(
            @DefaultValue("5000") int maxQueryResults,
            @DefaultValue("dmp") String affinityDomain,
            Path affinityDomainDir) {
    }

    /** @param uniqueId this repository's repositoryUniqueId (default: the national DMP repository's) */
    public record Repository(@DefaultValue("1.2.250.1.213.4.1.1.1.2") String uniqueId) {
    }

    /** @param maxMessageSize the largest SOAP request accepted, attachments included */
    public record Soap(@DefaultValue("64MB") DataSize maxMessageSize) {
    }

    /**
     * @param enabled           whether the HL7v2 listener runs
     * @param port              its TCP port (MLLP over TLS, client certificate required)
     * @param idleTimeout       a connection with no message for this long is closed
     * @param readTimeout       a message not complete this long after its first bytes is dropped with its connection
     * @param maxFrameSize      the largest MLLP frame accepted; a larger one closes the connection
     * @param maxConnections    the most connections served at once
     * @param pdqContinuations  the most PDQ queries whose next page is kept (the oldest are forgotten)
     * @param pdqContinuationTtl how long a PDQ continuation pointer stays valid
     */
    public record Mllp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2575") int port,
            @DefaultValue("60s") Duration idleTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("1MB") DataSize maxFrameSize,
            @DefaultValue("50") int maxConnections,
            @DefaultValue("1000") int pdqContinuations,
            @DefaultValue("10m") Duration pdqContinuationTtl) {
    }

    /**
     * @param required             whether requests to the registry, repository, patients and habilitations
     *                             services must carry a VIHF; when false, a request without one is served
     *                             without access rules (plain IHE test setups) and one with it is still checked
     * @param cardTrustAnchors     PEM file of the CAs of professional cards (DIRECTE); with
     *                             {@code facilityTrustAnchors}, replaces the development VIHF PKI
     * @param facilityTrustAnchors PEM file of the CAs of facility certificates (INDIRECTE, INDIRECTE_RENFORCEE)
     * @param clockSkew            tolerance on the assertion's times
     * @param maxAge               how long after its IssueInstant an assertion without Conditions is accepted
     */
    public record Vihf(
            @DefaultValue("true") boolean required,
            Path cardTrustAnchors,
            Path facilityTrustAnchors,
            @DefaultValue("5m") Duration clockSkew,
            @DefaultValue("2h") Duration maxAge) {
    }

    /**
     * @param clientSubjects the subject DNs of the TLS client certificates allowed to call the patient
     *                       portal API (e.g. {@code CN=Patient portal,O=Example,C=FR}); when none is set
     *                       and the server runs on the development PKI, its demo client's subject
     *                       (development only); with configured TLS and none set, nobody
     */
    public record Portal(List<String> clientSubjects) {
        public Portal {
            clientSubjects = clientSubjects == null ? List.of() : List.copyOf(clientSubjects);
        }
    }

    /**
     * @param rulesDir a directory whose {@code rights-matrix.csv} and {@code document-types.csv} replace the
     *                 shipped files of the same name (docs/ACCESS-RULES.md); none when not set
     */
    public record Access(Path rulesDir) {
    }

    public Path pkiDir() {
        return dataDir.resolve("pki");
    }
}
