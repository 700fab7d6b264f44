package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendmp.security.actor.AuthenticationMode;
import org.w3c.dom.Element;

/** A returning signer costs no new PKIX path; each signer and anchor set costs one. */
class VihfSignerCacheTest {

    @Test
    void buildsOnePathPerSignerAndModeHoweverManyAssertions() throws Exception {
        VihfValidator validator = Vihfs.validator();
        List<Element> assertions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            assertions.add(Vihfs.reparsed(Vihfs.doctorClaims().sign(Vihfs.doctor())));
        }
        assertions.add(Vihfs.facilityClaims().sign(Vihfs.facility()));
        assertions.add(Vihfs.facilityClaims().authenticationMode(AuthenticationMode.INDIRECTE_RENFORCEE)
                .sign(Vihfs.facility()));

        for (Element assertion : assertions) {
            validator.validate(assertion);
        }

        assertThat(validator.pathBuilds()).isEqualTo(2);
    }

    @Test
    void aRefusedSignerIsCheckedAgainNextTime() {
        VihfValidator validator = Vihfs.validator();
        Element wrongAnchors = Vihfs.doctorClaims().sign(Vihfs.facility());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> validator.validate(wrongAnchors))
                    .isInstanceOf(VihfException.class);
        }

        assertThat(validator.pathBuilds()).isEqualTo(3);
    }
}
