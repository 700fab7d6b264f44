package org.opendmp.audit.event;

import java.time.Instant;

/**
 * A security event ATNA asks to audit apart from the transactions: a refused TLS connection
 * ({@link NodeAuthenticationFailure}), a refused VIHF ({@link AssertionRefusal}), a refusal by the DMP
 * access rules ({@link AccessDenial}). Reasons and details must be free of patient data; patient ids go in
 * the fields meant for them.
 */
public sealed interface SecurityEvent permits NodeAuthenticationFailure, AssertionRefusal, AccessDenial {

    /** When it happened. */
    Instant eventTime();
}
