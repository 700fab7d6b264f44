package org.opendmp.security.actor;

/**
 * The calling clinical software (LPS) as the VIHF names it.
 *
 * @param id           {@code LPS_ID}
 * @param name         {@code LPS_Nom}
 * @param version      {@code LPS_Version}
 * @param homologation {@code LPS_ID_HOMOLOGATION_DMP}, the DMP approval number
 */
public record Software(String id, String name, String version, String homologation) {
}
