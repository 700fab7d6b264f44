package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SyslogFormatTest {

    private final SyslogFormat format = new SyslogFormat("dmp1.example.test", "opendmp", "3f9c2a1b4d5e6f70");

    @Test
    void anEventIsAnRfc5424MessageWithTheMetaSequenceIdAndABomBeforeTheXml() {
        long appended = Instant.parse("2024-05-02T10:15:30.123Z").toEpochMilli();
        byte[] xml = "<AuditMessage>é</AuditMessage>".getBytes(StandardCharsets.UTF_8);

        byte[] message = format.message(new QueuedEvent(42, appended, xml));

        String header = "<85>1 2024-05-02T10:15:30.123Z dmp1.example.test opendmp 3f9c2a1b4d5e6f70.0 IHE+RFC-3881 "
                + "[meta sequenceId=\"42\"] ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOfRange(message, 0, head.length)).isEqualTo(head);
        assertThat(Arrays.copyOfRange(message, head.length, head.length + 3))
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(Arrays.copyOfRange(message, head.length + 3, message.length)).isEqualTo(xml);
    }

    @Test
    void theSequenceIdWrapsAfter2147483647AndThePROCIDChangesThen() {
        assertThat(SyslogFormat.sequenceId(1)).isEqualTo(1);
        assertThat(SyslogFormat.sequenceId(2_147_483_647L)).isEqualTo(2_147_483_647L);
        assertThat(SyslogFormat.sequenceId(2_147_483_648L)).isEqualTo(1);
        assertThat(format.procId(2_147_483_647L)).isEqualTo("3f9c2a1b4d5e6f70.0");
        assertThat(format.procId(2_147_483_648L)).isEqualTo("3f9c2a1b4d5e6f70.1");
    }

    @Test
    void theSameEventGivesTheSameBytesEachTime() {
        QueuedEvent event = new QueuedEvent(7, 1_700_000_000_000L, "<AuditMessage/>".getBytes(StandardCharsets.UTF_8));

        assertThat(format.message(event)).isEqualTo(format.message(event));
    }

    @Test
    void headerFieldsMustBePrintableAsciiOfTheirLength() {
        assertThatThrownBy(() -> new SyslogFormat("dmp 1", "opendmp", "3f9c2a1b4d5e6f70"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOSTNAME");
        assertThatThrownBy(() -> new SyslogFormat("dmp1", "a".repeat(49), "3f9c2a1b4d5e6f70"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APP-NAME");
        assertThatThrownBy(() -> new SyslogFormat("hôte", "opendmp", "3f9c2a1b4d5e6f70"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
