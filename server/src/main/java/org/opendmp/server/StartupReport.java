package org.opendmp.server;

import org.opendmp.pixpdq.hl7v2.Hl7v2Receiver;
import org.opendmp.registry.affinity.AffinityDomain;
import org.opendmp.server.config.DmpProperties;
import org.opendmp.security.access.AccessPolicy;
import org.opendmp.server.config.ServerCredentials;
import org.opendmp.server.config.VihfConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the server where everything is and how to talk to it. */
@Component
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final DmpProperties properties;
    private final ServerCredentials credentials;
    private final Environment environment;
    private final AffinityDomain affinityDomain;
    private final VihfConfiguration.VihfCredentials vihf;
    private final AccessPolicy policy;

    StartupReport(DmpProperties properties, ServerCredentials credentials, Environment environment,
                  AffinityDomain affinityDomain, VihfConfiguration.VihfCredentials vihf, AccessPolicy policy) {
        this.properties = properties;
        this.credentials = credentials;
        this.environment = environment;
        this.affinityDomain = affinityDomain;
        this.vihf = vihf;
        this.policy = policy;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        String base = "https://localhost:" + port + environment.getProperty("cxf.path", "");
        String management = "http://127.0.0.1:" + environment.getProperty("management.server.port");
        StringBuilder report = new StringBuilder("\n\nOpen DMP server ready\n")
                .append("  Registry    ").append(base).append("/registry    (ITI-42, ITI-18, ITI-57, ITI-62)\n")
                .append("  Repository  ").append(base).append("/repository  (ITI-41, ITI-43, ITI-86)\n")
                .append("  Patients    ").append(base).append("/patients    (HL7v3: DMP TD0.2, TD1.1, TD1.2, TD1.3a/b, TD1.4; ITI-47 PDQv3 / TD0.5; TD0.4 patientList)\n")
                .append("  Habilitations ").append(base).append("/habilitations  (DMP TD0.3 setAuthorization, TD1.6 listAuthorizationByPatient)\n")
                .append("  Patient portal API ").append(base.replace("/services", "/portal")).append("/patients/{ins}/...  (docs/HABILITATIONS.md)\n")
                .append("  PIX         ").append(base).append("/pix         (HL7v3: ITI-44 Patient Identity Feed, ITI-45 PIXv3 Query)\n")
                .append(mllp())
                .append("  Operations  ").append(management).append("/actuator/health  (also /metrics, /prometheus; loopback only)\n")
                .append("  Database    ").append(database()).append('\n')
                .append("  Repository uniqueId ").append(properties.repository().uniqueId()).append('\n')
                .append("  Affinity domain ").append(affinityDomain.summary()).append('\n')
                .append("  VIHF ").append(properties.vihf().required() ? "required" : "optional (dmp.vihf.required=false: "
                        + "requests without one get no access rules)").append(" on registry, repository, patients, habilitations\n")
                .append("  ").append(policy.rules()).append('\n');
        if (vihf.developmentPki() != null) {
            var signers = vihf.developmentPki();
            report.append("  Development VIHF signers (").append(signers.generatedNow() ? "generated now" : "reused")
                    .append(", not for production) in ").append(signers.directory().toAbsolutePath())
                    .append(": doctor.p12 (DIRECTE), facility.p12 (INDIRECTE); print an assertion with\n")
                    .append("    java -jar dmp-server.jar vihf --data-dir ").append(properties.dataDir())
                    .append(" --patient <INS>\n");
        }
        if (credentials.developmentPki() != null) {
            var pki = credentials.developmentPki();
            report.append("  Development PKI (").append(pki.generatedNow() ? "generated now" : "reused")
                    .append(", not for production) in ").append(pki.directory().toAbsolutePath()).append(":\n")
                    .append("    CA certificate           ").append(pki.caCertificate().toAbsolutePath()).append('\n')
                    .append("    demo client cert / key   ").append(pki.clientCertificate().toAbsolutePath())
                    .append("  ").append(pki.clientKey().toAbsolutePath()).append('\n')
                    .append("    demo client PKCS#12      ").append(pki.clientKeyStore().toAbsolutePath()).append("  (password changeit)\n")
                    .append("  Try it: curl --cert ").append(pki.clientCertificate()).append(" --key ").append(pki.clientKey())
                    .append(" --cacert ").append(pki.caCertificate()).append(" ").append(base).append("/registry?wsdl\n");
        } else {
            report.append("  TLS key store ").append(credentials.keyStore()).append(", client CAs ")
                    .append(credentials.trustAnchors()).append('\n');
        }
        LOG.info(report.toString());
    }

    private String mllp() {
        if (!properties.mllp().enabled()) {
            return "  HL7v2       disabled (dmp.mllp.enabled=false)\n";
        }
        return "  HL7v2       MLLP over TLS on port " + properties.mllp().port() + ", client certificate required  ("
                + String.join(", ", Hl7v2Receiver.transactions()) + ")\n";
    }

    private String database() {
        String url = environment.getProperty("spring.datasource.url", "");
        int parameters = url.indexOf(';');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
