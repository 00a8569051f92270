package com.retail.recon.notify;

import java.net.URI;

/**
 * A webhook URL as logs and {@code recon notify status} show it: scheme, host and port only. Chat and
 * ticketing webhooks often carry their credential in the path or query, and user:password may sit before
 * the host; none of that is printed.
 */
public final class Redaction {

    private Redaction() {
    }

    public static String url(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return "(a URL without a host)";
            }
            boolean more = (uri.getRawPath() != null && uri.getRawPath().length() > 1) || uri.getRawQuery() != null;
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (more ? "/…" : "/");
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }
}
