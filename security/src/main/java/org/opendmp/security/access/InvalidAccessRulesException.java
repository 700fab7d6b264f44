package org.opendmp.security.access;

/** An access rules file that cannot be used, with the file, the line and the problem. */
public final class InvalidAccessRulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    InvalidAccessRulesException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file: a path, or {@code classpath:access/...} for a built-in default. */
    public String source() {
        return source;
    }

    /** The line number (1-based), or 0 for a problem of the whole file. */
    public int line() {
        return line;
    }
}
