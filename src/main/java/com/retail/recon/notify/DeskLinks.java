package com.retail.recon.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Links to the desk in notifications, when {@code recon.desk.url} says where people reach it. */
@Component
class DeskLinks {

    private final String base;

    DeskLinks(@Value("${recon.desk.url:}") String url) {
        String trimmed = url == null ? "" : url.trim();
        this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    Optional<String> toCase(long caseId) {
        return base.isEmpty() ? Optional.empty() : Optional.of(base + "/cases/" + caseId);
    }

    Optional<String> toRuns() {
        return base.isEmpty() ? Optional.empty() : Optional.of(base + "/runs");
    }

    Optional<String> toQueue(String query) {
        return base.isEmpty() ? Optional.empty() : Optional.of(base + "/cases" + (query.isEmpty() ? "" : "?" + query));
    }
}
