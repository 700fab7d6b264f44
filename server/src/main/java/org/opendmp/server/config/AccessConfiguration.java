package org.opendmp.server.config;

import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.security.access.AccessPolicy;
import org.opendmp.security.access.AccessRules;
import org.opendmp.server.access.DmpAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The DMP's access rules: the rights matrix and the document-type grid shipped in {@code security}, each
 * replaceable by a file of the same name in {@code dmp.access.rules-dir} (docs/ACCESS-RULES.md).
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    public AccessPolicy accessPolicy(DmpProperties properties) {
        return new AccessPolicy(AccessRules.load(properties.access().rulesDir()));
    }

    @Bean
    public DmpAccess dmpAccess(AccessPolicy policy, PatientRegistry patients, Habilitations habilitations) {
        return new DmpAccess(policy, patients, habilitations);
    }
}
