package org.opendmp.server.config;

import java.nio.file.Path;
import org.opendmp.security.tls.DevelopmentPki;

/** The TLS material in use; {@code developmentPki} is null when real credentials are configured. */
public record ServerCredentials(Path keyStore, String keyStorePassword, Path trustAnchors,
                                DevelopmentPki developmentPki) {
}
