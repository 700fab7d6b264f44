package org.opendmp.pixpdq.hl7v2;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A receiver over a fresh patient registry on one test database. */
final class TestReceiver {

    final PatientRegistry registry;
    final PdqContinuations continuations;
    final Hl7v2Receiver receiver;

    TestReceiver(TestDatabase database) {
        DataSource dataSource = database.fresh();
        registry = new PatientRegistry(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                Set.of(InsOids.NIR, InsOids.NIA, InsOids.NIR_TEST), List.of(), Clock.systemUTC());
        continuations = new PdqContinuations(10, Duration.ofMinutes(5), Clock.systemUTC());
        receiver = new Hl7v2Receiver(registry, continuations);
    }

    Reply send(String message) {
        return new Reply(receiver.receive(message));
    }
}
