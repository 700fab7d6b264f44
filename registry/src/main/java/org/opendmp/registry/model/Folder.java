package org.opendmp.registry.model;

import java.util.List;
import org.opendmp.registry.hl7.Cx;

/** An XDS Folder (an ebRIM RegistryPackage classified as such): documents grouped for one patient. */
public record Folder(String entryUuid, String uniqueId, Cx patientId, List<Code> codeList) {
}
