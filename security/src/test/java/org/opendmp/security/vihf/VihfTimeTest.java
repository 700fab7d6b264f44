package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.security.vihf.Vihfs.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;

/** Conditions, IssueInstant, maximum age and clock skew; the signer's validity over time. */
class VihfTimeTest {

    private static final Duration SKEW = Vihfs.SKEW;
    private static final Duration MAX_AGE = Vihfs.MAX_AGE;

    private final VihfValidator validator = Vihfs.validator();

    @Test
    void acceptsAssertionsWithinTheirConditionsAllowingTheSkew() throws Exception {
        Element justStarted = Vihfs.doctorClaims().issueInstant(NOW.plus(SKEW))
                .conditions(NOW.plus(SKEW), NOW.plus(Duration.ofMinutes(30))).sign(Vihfs.doctor());
        Element justEnding = Vihfs.doctorClaims().issueInstant(NOW.minus(Duration.ofHours(5)))
                .conditions(null, NOW.minus(SKEW).plusSeconds(1)).sign(Vihfs.doctor());

        assertThat(validator.validate(justStarted).issueInstant()).isEqualTo(NOW.plus(SKEW));
        assertThat(validator.validate(justEnding).issueInstant()).isEqualTo(NOW.minus(Duration.ofHours(5)));
    }

    @Test
    void refusesAnAssertionPastItsNotOnOrAfter() {
        Element assertion = Vihfs.doctorClaims().issueInstant(NOW.minus(Duration.ofMinutes(20)))
                .conditions(NOW.minus(Duration.ofMinutes(20)), NOW.minus(SKEW)).sign(Vihfs.doctor());

        assertRefused(assertion, Reason.EXPIRED);
    }

    @Test
    void refusesAnAssertionBeforeItsNotBefore() {
        Element assertion = Vihfs.doctorClaims()
                .conditions(NOW.plus(SKEW).plusSeconds(1), NOW.plus(Duration.ofHours(1))).sign(Vihfs.doctor());

        assertRefused(assertion, Reason.NOT_YET_VALID);
    }

    @Test
    void refusesAnIssueInstantInTheFutureBeyondTheSkew() {
        Element assertion = Vihfs.doctorClaims().issueInstant(NOW.plus(SKEW).plusSeconds(1)).sign(Vihfs.doctor());

        assertRefused(assertion, Reason.NOT_YET_VALID);
    }

    @Test
    void appliesTheMaximumAgeWhenThereIsNoNotOnOrAfter() throws Exception {
        Instant oldest = NOW.minus(MAX_AGE).minus(SKEW);
        Element oldEnough = Vihfs.doctorClaims().issueInstant(oldest).sign(Vihfs.doctor());
        Element tooOld = Vihfs.doctorClaims().issueInstant(oldest.minusSeconds(1)).sign(Vihfs.doctor());
        Element tooOldWithNotBeforeOnly = Vihfs.doctorClaims().issueInstant(oldest.minusSeconds(1))
                .conditions(oldest.minusSeconds(1), null).sign(Vihfs.doctor());

        assertThat(validator.validate(oldEnough).issueInstant()).isEqualTo(oldest);
        assertRefused(tooOld, Reason.EXPIRED);
        assertRefused(tooOldWithNotBeforeOnly, Reason.EXPIRED);
    }

    @Test
    void readsAnIssueInstantWithAnOffsetOrWithoutZone() throws Exception {
        Element withOffset = Vihfs.doctorClaims().issuer(Vihfs.doctor().issuer()).build();
        withOffset.setAttributeNS(null, "IssueInstant",
                NOW.atOffset(ZoneOffset.ofHours(2)).toLocalDateTime() + "+02:00");
        Element withoutZone = Vihfs.doctorClaims().issuer(Vihfs.doctor().issuer()).build();
        withoutZone.setAttributeNS(null, "IssueInstant", NOW.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());

        assertThat(validator.validate(Vihfs.doctor().sign(withOffset)).issueInstant()).isEqualTo(NOW);
        assertThat(validator.validate(Vihfs.doctor().sign(withoutZone)).issueInstant()).isEqualTo(NOW);
    }

    @Test
    void refusesASigningCertificateThatHasExpiredSinceItWasCached() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        VihfValidator validator = Vihfs.validator(clock);
        Instant afterExpiry = Vihfs.doctor().certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));

        validator.validate(Vihfs.doctorClaims().sign(Vihfs.doctor()));
        clock.set(afterExpiry);
        Element later = Vihfs.doctorClaims().issueInstant(afterExpiry).sign(Vihfs.doctor());

        assertThatThrownBy(() -> validator.validate(later)).isInstanceOfSatisfying(VihfException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
        assertThat(validator.pathBuilds()).isEqualTo(1);
    }

    @Test
    void refusesASigningCertificateThatHasExpiredOnFirstSight() {
        Instant afterExpiry = Vihfs.doctor().certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
        VihfValidator validator = Vihfs.validator(Clock.fixed(afterExpiry, ZoneOffset.UTC));

        Element later = Vihfs.doctorClaims().issueInstant(afterExpiry).sign(Vihfs.doctor());

        assertThatThrownBy(() -> validator.validate(later)).isInstanceOfSatisfying(VihfException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
    }

    private void assertRefused(Element assertion, Reason reason) {
        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
