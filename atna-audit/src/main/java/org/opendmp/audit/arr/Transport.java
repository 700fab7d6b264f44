package org.opendmp.audit.arr;

import java.util.Locale;

/** How a message reached the ARR. */
public enum Transport {
    /** RFC 5425: syslog over TLS, octet-counting framing. */
    TLS,
    /** RFC 5426: one syslog message per UDP datagram. */
    UDP;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
