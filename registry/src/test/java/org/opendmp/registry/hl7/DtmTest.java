package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

class DtmTest {

    @ParameterizedTest
    @ValueSource(strings = {"2021", "202106", "20210604", "2021060409", "202106040924", "20210604092415",
            "20211231235959", "19000101000000"})
    void acceptsEveryPrecision(String value) {
        assertThat(Dtm.parse(value, "creationTime").value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"202", "20210", "2021060", "202106040", "20210604092", "2021060409241",
            "202106040924150"})
    void rejectsOtherLengths(String value) {
        assertThatThrownBy(() -> Dtm.parse(value, "creationTime"))
                .hasMessage("creationTime: DTM must have 4, 6, 8, 10, 12 or 14 digits (YYYY[MM[DD[hh[mm[ss]]]]])");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20210604092415+0100", "20210604092415-0500", "202106040924+0000"})
    void rejectsTimeZone(String value) {
        assertThatThrownBy(() -> Dtm.parse(value, "serviceStartTime"))
                .isInstanceOf(XdsException.class)
                .hasMessage("serviceStartTime: DTM must not have a time zone: times are UTC")
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
    }

    @Test
    void rejectsFractionalSeconds() {
        assertThatThrownBy(() -> Dtm.parse("20210604092415.123", "submissionTime"))
                .hasMessage("submissionTime: DTM must not have fractional seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-06-04", "2021 06", "2021060409241Z", "２０２１", "abcd"})
    void rejectsNonDigits(String value) {
        assertThatThrownBy(() -> Dtm.parse(value, "creationTime")).isInstanceOf(XdsException.class);
    }

    @Test
    void rejectsEmpty() {
        assertThatThrownBy(() -> Dtm.parse("", "creationTime")).hasMessage("creationTime: DTM value is empty");
        assertThatThrownBy(() -> Dtm.parse(null, "creationTime")).hasMessage("creationTime: DTM value is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"202100", "202113", "20211301"})
    void rejectsMonthOutOfRange(String value) {
        assertThatThrownBy(() -> Dtm.parse(value, "creationTime"))
                .hasMessage("creationTime: DTM month must be 01 to 12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20210100", "20210132", "20210431", "20210229", "19000229", "20230229"})
    void rejectsDayNotInMonth(String value) {
        assertThatThrownBy(() -> Dtm.parse(value, "creationTime"))
                .hasMessage("creationTime: DTM day does not exist in that month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240229", "20000229", "19960229235959"})
    void acceptsLeapDay(String value) {
        assertThat(Dtm.parse(value, "creationTime").value()).isEqualTo(value);
    }

    @Test
    void rejectsHourMinuteSecondOutOfRange() {
        assertThatThrownBy(() -> Dtm.parse("2021060424", "t")).hasMessage("t: DTM hour must be 00 to 23");
        assertThatThrownBy(() -> Dtm.parse("202106042360", "t")).hasMessage("t: DTM minute must be 00 to 59");
        assertThatThrownBy(() -> Dtm.parse("20210604235960", "t")).hasMessage("t: DTM second must be 00 to 59");
    }

    @ParameterizedTest
    @CsvSource({"2021, 20210101000000", "202106, 20210601000000", "20210604, 20210604000000",
            "2021060409, 20210604090000", "202106040924, 20210604092400", "20210604092415, 20210604092415"})
    void lowerBoundPadsWithEarliestInstant(String value, long lowerBound) {
        assertThat(new Dtm(value).lowerBound()).isEqualTo(lowerBound);
    }

    @ParameterizedTest
    @CsvSource({"2021, 20211231235959", "202402, 20240229235959", "202302, 20230228235959",
            "202104, 20210430235959", "20210604, 20210604235959", "2021060409, 20210604095959",
            "202106040924, 20210604092459", "20210604092415, 20210604092415"})
    void upperBoundPadsWithLastSecond(String value, long upperBound) {
        assertThat(new Dtm(value).upperBound()).isEqualTo(upperBound);
    }

    @Test
    void boundsCompareTimesOfDifferentPrecision() {
        Dtm day = new Dtm("20210604");
        Dtm instant = new Dtm("20210604092415");

        assertThat(day.lowerBound()).isLessThan(instant.lowerBound());
        assertThat(day.upperBound()).isGreaterThan(instant.upperBound());
    }

    @Test
    void constructorRejectsInvalidValue() {
        assertThatThrownBy(() -> new Dtm("20210230"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DTM day does not exist in that month");
    }
}
