package org.opendmp.registry.query;

/** One registry object of a query answer; {@code ebrim} is null for ObjectRef answers. */
public record Row(String uuid, String patientId, String ebrim) {
}
