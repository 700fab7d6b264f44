package org.opendmp.pixpdq.habilitation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Labels of professions (TRE_G15, keys {@code G15_<code>}) and specialties (keys {@code <code>}, e.g.
 * {@code SM26}) for the DMP's {@code libSpeciality}, read from {@code specialty-labels.properties}
 * beside this class: data, extended without code. A code without a label is shown without one.
 */
final class SpecialtyLabels {

    private static final Properties LABELS = load();

    private SpecialtyLabels() {
    }

    /** {@code <profession label>[ - <specialty label>]}, or null when the profession has no label. */
    static String label(String professionCode, String specialtyCode) {
        String profession = professionCode == null ? null : LABELS.getProperty("G15_" + professionCode);
        if (profession == null) {
            return null;
        }
        String specialty = specialtyCode == null ? null : LABELS.getProperty(specialtyCode);
        return specialty == null ? profession : profession + " - " + specialty;
    }

    private static Properties load() {
        Properties labels = new Properties();
        try (InputStream in = SpecialtyLabels.class.getResourceAsStream("specialty-labels.properties")) {
            if (in == null) {
                throw new IllegalStateException("specialty-labels.properties is missing from the class path");
            }
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }
}
