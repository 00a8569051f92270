package com.retail.recon.notify;

import java.util.Arrays;
import java.util.Optional;

/** What recon tells its receivers about (README "Notifications"). */
public enum EventType {
    RUN_COMPLETED("run.completed"),
    RUN_FAILED("run.failed"),
    CASE_OPENED("case.opened"),
    CASE_REOPENED("case.reopened"),
    CASE_OVERDUE("case.overdue");

    private final String word;

    EventType(String word) {
        this.word = word;
    }

    /** The name in payloads, headers and {@code recon.notify.webhooks[N].events}. */
    public String word() {
        return word;
    }

    public static Optional<EventType> ofWord(String word) {
        return Arrays.stream(values()).filter(type -> type.word.equals(word)).findFirst();
    }

    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(EventType::word).toList());
    }
}
