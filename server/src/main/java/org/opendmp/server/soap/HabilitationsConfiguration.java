package org.opendmp.server.soap;

import jakarta.xml.ws.Endpoint;
import java.time.Clock;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.server.access.DmpAccess;
import org.opendmp.pixpdq.habilitation.HabilitationsEndPoint;
import org.opendmp.pixpdq.habilitation.PatientList;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the professionals' authorizations ({@link Habilitations}, with the registry's SubmissionSets
 * for TD0.4's last document dates) and publishes {@code /habilitations} (TD0.3, TD1.6) like the
 * HL7v3 endpoints: SOAP 1.2, WS-Addressing, the VIHF header accepted, clean faults. TD0.4
 * ({@link PatientList}) is served on {@code /patients} (see {@link Hl7v3SoapConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class HabilitationsConfiguration {

    @Bean
    public Habilitations habilitations(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                       PatientRegistry registry) {
        return new Habilitations(jdbc, transactions, registry, new SubmissionSetDates(jdbc), Clock.systemUTC());
    }

    @Bean
    public PatientList patientList(Habilitations habilitations) {
        return new PatientList(habilitations);
    }

    @Bean
    public Endpoint habilitationsEndpoint(Bus bus, Habilitations habilitations, VihfInterceptor vihf,
                                          DmpAccess access) {
        return Hl7v3SoapConfiguration.publish(bus, new HabilitationsService(new HabilitationsEndPoint(habilitations), access),
                "wsdl/habilitations.wsdl", new QName(HabilitationsService.NAMESPACE, "Habilitations_Service"),
                new QName(HabilitationsService.NAMESPACE, "Habilitations_Port_Soap12"), "/habilitations", vihf);
    }
}
