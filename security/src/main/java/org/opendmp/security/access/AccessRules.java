package org.opendmp.security.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The data of the access policy: the rights matrix ({@value #RIGHTS_MATRIX}) and the grid of document
 * types per profession ({@value #DOCUMENT_TYPES}), both described in docs/ACCESS-RULES.md. Defaults ship
 * on the classpath under {@code access/}; a directory may replace either file. Immutable once loaded.
 */
public final class AccessRules {

    /** File name of the rights matrix. */
    public static final String RIGHTS_MATRIX = "rights-matrix.csv";
    /** File name of the document types grid. */
    public static final String DOCUMENT_TYPES = "document-types.csv";

    private static final String CLASSPATH_FOLDER = "access/";

    private final RightsMatrix matrix;
    private final DocumentTypeGrid documentTypes;

    private AccessRules(RightsMatrix matrix, DocumentTypeGrid documentTypes) {
        this.matrix = matrix;
        this.documentTypes = documentTypes;
    }

    /**
     * Loads the rules.
     *
     * @param directory a directory whose {@value #RIGHTS_MATRIX} and {@value #DOCUMENT_TYPES}, each when
     *                  present, replace the built-in file of that name; {@code null} for the built-in rules
     * @throws InvalidAccessRulesException when a file is malformed (naming the file and line)
     * @throws IllegalArgumentException    when {@code directory} is not a directory
     */
    public static AccessRules load(Path directory) {
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("access rules directory not found: " + directory);
        }
        return new AccessRules(read(directory, RIGHTS_MATRIX, RightsMatrix::parse),
                read(directory, DOCUMENT_TYPES, DocumentTypeGrid::parse));
    }

    /** The built-in rules. */
    public static AccessRules defaults() {
        return load(null);
    }

    private static <T> T read(Path directory, String name, BiFunction<String, Reader, T> parser) {
        Path file = directory == null ? null : directory.resolve(name);
        boolean fromDirectory = file != null && Files.isRegularFile(file);
        String source = fromDirectory ? file.toString() : "classpath:" + CLASSPATH_FOLDER + name;
        try (InputStream in = fromDirectory ? Files.newInputStream(file)
                : AccessRules.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in access rules missing: " + source);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            return parser.apply(source, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    RightsMatrix matrix() {
        return matrix;
    }

    DocumentTypeGrid documentTypes() {
        return documentTypes;
    }

    /** Specialty codes whose doctors count as occupational physicians. */
    public Set<String> occupationalPhysicianSpecialties() {
        return matrix.occupationalSpecialties();
    }

    /** Where the rights matrix came from: a path, or {@code classpath:access/rights-matrix.csv}. */
    public String rightsMatrixSource() {
        return matrix.source();
    }

    /** Where the document types grid came from. */
    public String documentTypesSource() {
        return documentTypes.source();
    }

    /** A one-line summary for a startup report. */
    @Override
    public String toString() {
        return "access rules: " + matrix.source() + " (" + matrix.rowCount() + " rows), "
                + documentTypes.source() + " (" + documentTypes.rowCount() + " rows)";
    }
}
