package org.opendmp.server.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.vihf.DevelopmentVihfPki;
import org.opendmp.security.vihf.VihfBuilder;
import org.opendmp.security.vihf.VihfSigner;

/**
 * {@code java -jar dmp-server.jar vihf ...}: prints a VIHF assertion signed with the development VIHF
 * PKI of a data directory, for curl examples and manual tests against a development server. It never
 * works against a server configured with real trust anchors, which is the point.
 */
public final class VihfTool {

    static final String USAGE = """
            usage: java -jar dmp-server.jar vihf --patient NIR [options]
              --patient NIR           the patient's INS (15 characters); the assertion's resource-id
              --ins-authority OID     the INS assigning authority (default 1.2.250.1.213.1.4.10, test NIR)
              --mode MODE             normal (default), centre_15 or bris_de_glace
              --signer WHO            doctor (DIRECTE, the demo card; default) or facility (INDIRECTE)
              --professional-id ID    idNat_PS (default the demo doctor, %s)
              --profession CODE       TRE_G15 profession code (default 10, doctor)
              --specialty CODE        specialty (default SM26 for doctors, none otherwise)
              --data-dir DIR          the server's data directory (default ./data)
            The assertion is valid for two hours and is printed on one line.""".formatted(
            DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);

    private static final Set<String> OPTIONS = Set.of("--patient", "--ins-authority", "--mode", "--signer",
            "--professional-id", "--profession", "--specialty", "--data-dir");

    private VihfTool() {
    }

    /** Runs the tool; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println("unknown or incomplete option: " + args[i]);
                err.println(USAGE);
                return 2;
            }
            options.put(args[i], args[i + 1]);
        }
        String nir = options.get("--patient");
        if (nir == null || !nir.matches("[0-9AB]{15}")) {
            err.println("--patient must be a 15-character INS");
            err.println(USAGE);
            return 2;
        }
        PurposeOfUse mode = PurposeOfUse.of(options.getOrDefault("--mode", "normal"));
        String signerName = options.getOrDefault("--signer", "doctor");
        if (mode == null || !Set.of("doctor", "facility").contains(signerName)) {
            err.println("--mode must be normal, centre_15 or bris_de_glace; --signer doctor or facility");
            return 2;
        }
        Path vihfDir = Path.of(options.getOrDefault("--data-dir", "./data")).resolve("pki").resolve("vihf");
        if (!Files.isDirectory(vihfDir)) {
            err.println("no development VIHF PKI in " + vihfDir + ": start the server once with this data directory");
            return 1;
        }
        try {
            DevelopmentVihfPki pki = DevelopmentVihfPki.ensure(vihfDir);
            boolean facility = signerName.equals("facility");
            VihfSigner signer = facility ? pki.facilitySigner() : pki.doctorSigner();
            String profession = options.getOrDefault("--profession", Role.DOCTOR);
            VihfBuilder builder = (facility ? DevelopmentVihfPki.facilityAssertion() : DevelopmentVihfPki.doctorAssertion())
                    .authenticationMode(facility ? AuthenticationMode.INDIRECTE : AuthenticationMode.DIRECTE)
                    .professionalId(options.getOrDefault("--professional-id", DevelopmentVihfPki.DEMO_PROFESSIONAL_ID))
                    .role(profession, Role.PROFESSIONS)
                    .specialty(options.getOrDefault("--specialty", Role.DOCTOR.equals(profession) ? "SM26" : null),
                            Role.SPECIALTIES)
                    .purposeOfUse(mode)
                    .patientId(nir + "^^^&" + options.getOrDefault("--ins-authority", "1.2.250.1.213.1.4.10") + "&ISO^NH");
            out.println(builder.signToXml(signer));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("cannot sign: " + e.getMessage());
            return 1;
        }
    }
}
