package org.opendmp.registry.affinity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Code;
import org.opendmp.registry.model.DocumentEntry;
import org.opendmp.registry.model.Folder;
import org.opendmp.registry.model.SubmissionSet;

/**
 * The value sets this registry accepts for coded metadata (see the package documentation). A code
 * outside its attribute's value set is refused with XDSRegistryMetadataError naming the attribute
 * and the value. An attribute without a value set accepts any well-formed code: a code and a
 * codingScheme, which {@link org.opendmp.registry.ebrim.SubmissionReader} has already checked.
 *
 * <p>Immutable and thread-safe; built once at startup.
 */
public final class AffinityDomain {

    /** The French DMP value sets (ANS CI-SIS jeux de valeurs), the server's default. */
    public static final String DMP = "dmp";
    /** No value sets: any well-formed code from any scheme, as at an IHE Connectathon. */
    public static final String IHE_TEST = "ihe-test";
    public static final List<String> SHIPPED = List.of(DMP, IHE_TEST);

    private static final String RESOURCES = "affinity-domains/";

    private final String name;
    private final Map<CodedAttribute, ValueSet> valueSets;

    private AffinityDomain(String name, Map<CodedAttribute, ValueSet> valueSets) {
        this.name = name;
        Map<CodedAttribute, ValueSet> copy = new EnumMap<>(CodedAttribute.class);
        copy.putAll(valueSets);
        this.valueSets = Collections.unmodifiableMap(copy);
    }

    /** The {@code ihe-test} profile: no value set, every well-formed code accepted. */
    public static AffinityDomain iheTest() {
        return new AffinityDomain(IHE_TEST, Map.of());
    }

    /** A shipped profile ({@link #SHIPPED}) as it is. */
    public static AffinityDomain shipped(String profile) {
        return load(profile, null);
    }

    /**
     * A shipped profile with some of its value sets replaced: every {@code <attribute>.txt} file of
     * {@code overrides} (when not null) replaces the profile's file of the same name; other files
     * ending in {@code .txt} are refused (a misspelt name would otherwise leave an attribute
     * unchecked), anything else (a README) is ignored.
     *
     * @throws IllegalArgumentException for an unknown profile, an unusable directory or a bad file,
     *                                  naming the file and line
     */
    public static AffinityDomain load(String profile, Path overrides) {
        if (!SHIPPED.contains(profile)) {
            throw new IllegalArgumentException("unknown affinity domain profile '" + profile + "' (shipped: "
                    + String.join(", ", SHIPPED) + ")");
        }
        Map<CodedAttribute, ValueSet> sets = new EnumMap<>(CodedAttribute.class);
        for (CodedAttribute attribute : CodedAttribute.values()) {
            String resource = RESOURCES + profile + "/" + attribute.fileName();
            try (InputStream in = AffinityDomain.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    sets.put(attribute, ValueSet.read(attribute, resource, in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (overrides == null) {
            return new AffinityDomain(profile, sets);
        }
        for (Path file : valueSetFiles(overrides)) {
            String fileName = file.getFileName().toString();
            CodedAttribute attribute = CodedAttribute.forFileName(fileName).orElseThrow(() ->
                    new IllegalArgumentException(file + ": not a value set file name (expected one of "
                            + Arrays.stream(CodedAttribute.values()).map(CodedAttribute::fileName).toList() + ")"));
            try (InputStream in = Files.newInputStream(file)) {
                sets.put(attribute, ValueSet.read(attribute, file.toString(), in));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return new AffinityDomain(profile + " with value sets from " + overrides, sets);
    }

    private static List<Path> valueSetFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("affinity domain directory " + directory + " is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("affinity domain directory " + directory + " cannot be listed", e);
        }
    }

    /** The profile, and where its value sets come from when not all shipped. */
    public String name() {
        return name;
    }

    public Optional<ValueSet> valueSet(CodedAttribute attribute) {
        return Optional.ofNullable(valueSets.get(attribute));
    }

    /** One line for the startup report: the profile and the size of each value set. */
    public String summary() {
        if (valueSets.isEmpty()) {
            return name + " (no value sets: any well-formed code)";
        }
        List<String> sizes = new ArrayList<>();
        valueSets.forEach((attribute, set) -> sizes.add(attribute.attributeName() + " " + set.size()
                + (attribute.codeSystemsOnly() ? " code systems" : "")));
        return name + " (" + String.join(", ", sizes) + ")";
    }

    public void check(DocumentEntry entry, String location) {
        check(CodedAttribute.CLASS_CODE, entry.classCode(), location);
        check(CodedAttribute.TYPE_CODE, entry.typeCode(), location);
        check(CodedAttribute.FORMAT_CODE, entry.formatCode(), location);
        check(CodedAttribute.PRACTICE_SETTING_CODE, entry.practiceSettingCode(), location);
        check(CodedAttribute.HEALTHCARE_FACILITY_TYPE_CODE, entry.healthcareFacilityTypeCode(), location);
        entry.confidentialityCodes().forEach(code -> check(CodedAttribute.CONFIDENTIALITY_CODE, code, location));
        entry.eventCodes().forEach(code -> check(CodedAttribute.EVENT_CODE_LIST, code, location));
    }

    public void check(SubmissionSet submissionSet, String location) {
        check(CodedAttribute.CONTENT_TYPE_CODE, submissionSet.contentTypeCode(), location);
    }

    public void check(Folder folder, String location) {
        folder.codeList().forEach(code -> check(CodedAttribute.FOLDER_CODE_LIST, code, location));
    }

    /**
     * Refuses a code outside the attribute's value set. For code-system lists (eventCodeList,
     * codeList) only the codingScheme is named: those codes may be diagnoses, which an error
     * message must not echo.
     *
     * @param location the id of the object carrying the code, as submitted
     */
    public void check(CodedAttribute attribute, Code code, String location) {
        ValueSet valueSet = valueSets.get(attribute);
        if (valueSet == null || valueSet.contains(code)) {
            return; // no value set: the code is well-formed (SubmissionReader), any scheme is accepted
        }
        String value = attribute.codeSystemsOnly() ? "code system " + code.scheme() : code.key();
        throw new XdsException(XdsErrorCode.XDSRegistryMetadataError, attribute.attributeName() + " " + value
                + " is not in the affinity domain's value set " + valueSet.name(), location);
    }

    @Override
    public String toString() {
        return summary();
    }
}
