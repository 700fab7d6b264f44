package org.opendmp.pixpdq.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The strict identity traits of the INS: birth name, first names (in order), sex, birth date
 * and INSEE birthplace code; plus the used name, which is not a strict trait but is how
 * patients are searched and greeted. {@link #toString()} shows nothing: all of it is patient data.
 *
 * @param birthName      nom de naissance (v2 PID-5 name type L, v3 family without qualifier or qualifier BR)
 * @param usedName       nom utilisé, or null (v2 name type D, v3 family qualifier SP)
 * @param givenNames     prénoms de naissance, the first one first; may be empty
 * @param sex            administrative sex
 * @param birthDate      date of birth, or null when unknown
 * @param birthPlaceCode INSEE code of the birthplace (commune, or 99xxx for a country), or null
 */
public record IdentityTraits(String birthName, String usedName, List<String> givenNames, Sex sex,
                             LocalDate birthDate, String birthPlaceCode) {

    private static final Pattern BIRTH_PLACE_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    /** Whether {@code code} has the form of an INSEE place code: 5 characters, Corsica's 2A/2B included. */
    public static boolean isBirthPlaceCode(String code) {
        return code != null && BIRTH_PLACE_CODE.matcher(code).matches();
    }

    public IdentityTraits {
        Objects.requireNonNull(birthName, "birthName");
        givenNames = List.copyOf(givenNames);
        sex = sex == null ? Sex.U : sex;
    }

    /** The first given name, or null. */
    public String firstGivenName() {
        return givenNames.isEmpty() ? null : givenNames.get(0);
    }

    @Override
    public String toString() {
        return "IdentityTraits[(hidden)]";
    }
}
