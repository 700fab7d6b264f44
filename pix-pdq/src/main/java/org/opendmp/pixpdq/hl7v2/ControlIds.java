package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * MSH-10 message control ids of the answers: 20 random hex characters (the length HL7 2.5
 * allows), unique across restarts and server nodes without the file HAPI's default keeps.
 */
final class ControlIds implements IDGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String getID() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
