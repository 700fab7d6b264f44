package org.opendmp.pixpdq.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendmp.pixpdq.patient.PatientQuery;

class PdqContinuationsTest {

    private static final PatientQuery QUERY = new PatientQuery("DUPONT", null, null, null, null, null);

    private Instant now = Instant.parse("2025-01-01T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void givesAPointerOnceAndOnlyForItsQueryTag() {
        PdqContinuations continuations = new PdqContinuations(10, Duration.ofMinutes(5), clock);
        String pointer = continuations.save("T1", QUERY, Set.of(), 2, 2);

        assertThat(continuations.take(pointer, "OTHER")).isEmpty();
        assertThat(continuations.take(pointer, "T1")).hasValueSatisfying(p -> assertThat(p.offset()).isEqualTo(2));
        assertThat(continuations.take(pointer, "T1")).isEmpty();
    }

    @Test
    void forgetsPointersAfterTheirTimeToLive() {
        PdqContinuations continuations = new PdqContinuations(10, Duration.ofMinutes(5), clock);
        String pointer = continuations.save("T1", QUERY, Set.of(), 2, 2);

        now = now.plus(Duration.ofMinutes(5));

        assertThat(continuations.take(pointer, "T1")).isEmpty();
        assertThat(continuations.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityForgettingTheOldestFirst() {
        PdqContinuations continuations = new PdqContinuations(3, Duration.ofMinutes(5), clock);
        String oldest = continuations.save("T0", QUERY, Set.of(), 2, 2);
        for (int i = 1; i <= 5; i++) {
            continuations.save("T" + i, QUERY, Set.of(), 2, 2);
        }

        assertThat(continuations.size()).isEqualTo(3);
        assertThat(continuations.take(oldest, "T0")).isEmpty();
    }
}
