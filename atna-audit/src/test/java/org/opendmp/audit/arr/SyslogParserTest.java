package org.opendmp.audit.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyslogParserTest {

    private static SyslogMessage parse(String message) throws MessageRejected {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return SyslogParser.parse(bytes, 0, bytes.length);
    }

    @Test
    void readsEveryHeaderFieldTheMetaSequenceIdAndSkipsTheByteOrderMark() throws Exception {
        byte[] bytes = AuditSamples.syslog("<AuditMessage/>", "4242", 17L);

        SyslogMessage message = SyslogParser.parse(bytes, 0, bytes.length);

        assertThat(message.priority()).isEqualTo(85);
        assertThat(message.version()).isEqualTo(1);
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2025-03-04T09:11:12.345Z"));
        assertThat(message.hostname()).isEqualTo("lps.example");
        assertThat(message.appName()).isEqualTo("OpenDMP");
        assertThat(message.procId()).isEqualTo("4242");
        assertThat(message.msgId()).isEqualTo("IHE+RFC-3881");
        assertThat(message.sequenceId()).isEqualTo(17L);
        assertThat(new String(bytes, message.msgOffset(), message.msgLength(), StandardCharsets.UTF_8))
                .isEqualTo("<AuditMessage/>");
    }

    @Test
    void acceptsNilValuesAndAMessageWithoutByteOrderMark() throws Exception {
        SyslogMessage message = parse("<13>1 - - - - - - <x/>");

        assertThat(message.timestamp()).isNull();
        assertThat(message.hostname()).isEqualTo("-");
        assertThat(message.sequenceId()).isNull();
        assertThat(message.msgLength()).isEqualTo(4);
    }

    @Test
    void findsTheSequenceIdAmongOtherStructuredDataWithEscapedValues() throws Exception {
        SyslogMessage message = parse("<85>1 - h a p m [origin ip=\"10.0.0.1\" x=\"a \\\"b\\\" \\] c\"][meta sequenceId=\"2147483647\" sysUpTime=\"5\"] <x/>");

        assertThat(message.sequenceId()).isEqualTo(2147483647L);
    }

    @Test
    void ignoresASequenceIdOutOfItsRangeRatherThanRefusingTheMessage() throws Exception {
        assertThat(parse("<85>1 - h a p m [meta sequenceId=\"2147483648\"] <x/>").sequenceId()).isNull();
        assertThat(parse("<85>1 - h a p m [meta sequenceId=\"007\"] <x/>").sequenceId()).isNull();
        assertThat(parse("<85>1 - h a p m [meta sequenceId=\"12a\"] <x/>").sequenceId()).isNull();
    }

    @Test
    void aMessageMayEndAfterItsStructuredData() throws Exception {
        assertThat(parse("<85>1 - h a p m -").msgLength()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "hello world",
        "85>1 - h a p m - <x/>",
        "<192>1 - h a p m - <x/>",
        "<85 1 - h a p m - <x/>",
        "<85>01 - h a p m - <x/>",
        "<85>1 yesterday h a p m - <x/>",
        "<85>1  h a p m - <x/>",
        "<85>1 - h a p m",
        "<85>1 - h a p m <x/>",
        "<85>1 - h a p m [meta sequenceId=\"1\" <x/>",
        "<85>1 - h a p m [meta sequenceId=1] <x/>",
        "<85>1 - h a p m [] <x/>",
        "<85>1 - h a p m -<x/>",
        "<85>1 - h aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa p m - <x/>"
    })
    void refusesWhatIsNotAnRfc5424Header(String message) {
        assertThatThrownBy(() -> parse(message)).isInstanceOfSatisfying(MessageRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.NOT_SYSLOG));
    }
}
