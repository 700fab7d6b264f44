package org.opendmp.pixpdq.ins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsOidsTest {

    @Test
    void nirOidsAreProductionTestAndDemo() {
        assertThat(InsOids.isNir("1.2.250.1.213.1.4.8")).isTrue();
        assertThat(InsOids.isNir("1.2.250.1.213.1.4.10")).isTrue();
        assertThat(InsOids.isNir("1.2.250.1.213.1.4.11")).isTrue();
        assertThat(InsOids.isNir("1.2.250.1.213.1.4.9")).isFalse();
    }

    @Test
    void insOidsAreNirsAndNia() {
        assertThat(InsOids.isIns(InsOids.NIR)).isTrue();
        assertThat(InsOids.isIns(InsOids.NIA)).isTrue();
        assertThat(InsOids.isIns(InsOids.NIR_TEST)).isTrue();
        assertThat(InsOids.isIns(InsOids.NIR_DEMO)).isTrue();
    }

    @Test
    void otherOidsAreNotIns() {
        assertThat(InsOids.isIns("1.2.250.1.213.1.4.2")).isFalse();
        assertThat(InsOids.isIns("1.2.250.1.213.1.4.80")).isFalse();
        assertThat(InsOids.isIns(null)).isFalse();
        assertThat(InsOids.isNir(null)).isFalse();
    }
}
