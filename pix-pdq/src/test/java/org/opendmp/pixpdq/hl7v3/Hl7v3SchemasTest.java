package org.opendmp.pixpdq.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class Hl7v3SchemasTest {

    private final Hl7v3Schemas schemas = new Hl7v3Schemas();

    @Test
    void theProjectsIti44Iti45AndIti47MessagesMatchTheNe2008Schemas() {
        assertThatCode(() -> schemas.validate(TestMessages.iti44("iti44-add.xml", "180032B020401", "1.2.250.1.999.9", "A1")
                .element())).doesNotThrowAnyException();
        assertThatCode(() -> schemas.validate(TestMessages.iti44("iti44-merge.xml", "180032B020401", "1.2.250.1.999.9", "A1")
                .with("oldRoot", "1.2.250.1.999.9").with("oldId", "A0").element())).doesNotThrowAnyException();
        assertThatCode(() -> schemas.validate(TestMessages.of("iti45-query.xml").with("idRoot", "1.2.250.1.999.9")
                .with("id", "A1").with("dataSources", "").element())).doesNotThrowAnyException();
        assertThatCode(() -> schemas.validate(TestMessages.of("iti47-query.xml").with("parameters",
                "<livingSubjectName><value><family>DECHAINE</family></value><semanticsText>LivingSubject.name</semanticsText></livingSubjectName>")
                .element())).doesNotThrowAnyException();
    }

    @Test
    void aFeedWithoutItsCustodianIsRejectedWithAr() {
        Element message = TestMessages.iti44("iti44-add.xml", "180032B020401", "1.2.250.1.999.9", "A1").element();
        Element custodian = (Element) message.getElementsByTagNameNS(Hl7v3Xml.NS, "custodian").item(0);
        custodian.getParentNode().removeChild(custodian);

        assertThatThrownBy(() -> schemas.validate(message)).isInstanceOfSatisfying(Hl7v3Refusal.class, refusal -> {
            assertThat(refusal.typeCode()).isEqualTo("AR");
            assertThat(refusal.getMessage()).contains("PRPA_IN201301UV02 schema");
        });
    }

    @Test
    void theDmpsOwnInteractionsAreNotSchemaValidated() {
        assertThat(schemas.covers("PRPA_IN201307UV02")).isFalse();
        assertThat(schemas.covers("PRPA_IN201311UV02")).isFalse();
        assertThat(schemas.covers("PRPA_IN201314UV02")).isFalse();
    }
}
