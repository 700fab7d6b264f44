package org.opendmp.pixpdq.patient;

/**
 * A way to reach the patient, as HL7v3 TEL: a URL ({@code tel:0102030405}, {@code mailto:...})
 * and its use code ({@code MC} mobile, {@code H} home, {@code WP} work), or null.
 */
public record Telecom(String use, String value) {
}
