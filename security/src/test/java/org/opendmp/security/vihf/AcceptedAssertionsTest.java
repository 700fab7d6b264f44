package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.security.vihf.Vihfs.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;

/** A validated assertion is remembered by its content: reuse skips the signature, never the time checks. */
class AcceptedAssertionsTest {

    @Test
    void theKeyCoversEveryNodeOfTheAssertion() {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());
        AcceptedAssertions.Key key = AcceptedAssertions.keyOf(assertion);
        assertThat(AcceptedAssertions.keyOf(assertion.cloneNode(true))).isEqualTo(key);

        Vihfs.value(assertion, "LPS_Version").setTextContent("2");
        assertThat(AcceptedAssertions.keyOf(assertion)).isNotEqualTo(key);

        Element commented = Vihfs.doctorClaims().sign(Vihfs.doctor());
        AcceptedAssertions.Key before = AcceptedAssertions.keyOf(commented);
        commented.appendChild(commented.getOwnerDocument().createComment("x"));
        assertThat(AcceptedAssertions.keyOf(commented)).isNotEqualTo(before);
    }

    @Test
    void anAssertionAlteredAfterItWasAcceptedIsValidatedAgainAndRefused() throws Exception {
        VihfValidator validator = Vihfs.validator();
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());
        validator.validate(assertion);

        Vihfs.value(assertion, "urn:oasis:names:tc:xacml:2.0:resource:resource-id")
                .setTextContent("180032B02040123^^^&1.2.250.1.213.1.4.10&ISO^NH");

        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }

    @Test
    void aRememberedAssertionStillExpires() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        VihfValidator validator = Vihfs.validator(clock);
        Element assertion = Vihfs.doctorClaims().issueInstant(NOW).sign(Vihfs.doctor());
        assertThat(validator.validate(assertion).professionalId()).isNotBlank();
        assertThat(validator.validate(assertion).professionalId()).isNotBlank();

        now.set(NOW.plus(Vihfs.MAX_AGE).plus(Vihfs.SKEW).plus(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }
}
