package org.opendmp.server.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.opendmp.pixpdq.habilitation.HabilitationMerge;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.patient.PatientMerge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the patient registry; a merge moves the document registry's entries and the professionals'
 * authorizations in the same transaction.
 */
@Configuration(proxyBeanMethods = false)
public class PatientConfiguration {

    @Bean
    public PatientRegistry patientRegistry(DmpProperties properties, JdbcTemplate jdbc,
                                           PlatformTransactionManager transactions, EbrimXml ebrimXml) {
        return new PatientRegistry(jdbc, transactions, new HashSet<>(properties.patients().insAuthorities()),
                List.of(new PatientMerge(jdbc, ebrimXml), new HabilitationMerge(jdbc)), Clock.systemUTC());
    }
}
