package org.opendmp.pixpdq.hl7v3;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.opendmp.pixpdq.habilitation.HabilitationMerge;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A patient registry on a fresh H2 database, and the HL7v3 services over it. */
final class Registries {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    static final Hl7v3Schemas SCHEMAS = new Hl7v3Schemas();
    /** Valid INS-NIR (keys 97, 23, 78). */
    static final String NIR_1 = "207058575627097";
    static final String NIR_2 = "180032B02040123";
    static final String NIR_3 = "297022A02077878";

    private Registries() {
    }

    static PatientRegistry fresh() {
        return freshDmp().registry();
    }

    /** The patient registry and the authorizations on one fresh database (no document was ever added). */
    static Dmp freshDmp() {
        DataSource dataSource = TestDatabase.H2.fresh();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        PatientRegistry registry = new PatientRegistry(jdbc, transactions, Set.of(InsOids.NIR, InsOids.NIR_TEST),
                List.of(new HabilitationMerge(jdbc)), CLOCK);
        return new Dmp(registry, new Habilitations(jdbc, transactions, registry, patients -> Map.of(), CLOCK));
    }

    record Dmp(PatientRegistry registry, Habilitations habilitations) {
    }
}
