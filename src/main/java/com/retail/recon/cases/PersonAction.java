package com.retail.recon.cases;

import java.util.Locale;

/**
 * What a person does to a case (SPEC "What people do").
 *
 * @param to          ASSIGN: the new assignee
 * @param disposition RESOLVE: FIXED or ACCEPTED
 */
public record PersonAction(Verb verb, String actor, String to, Disposition disposition, String note) {

    public enum Verb {
        ACK, ASSIGN, COMMENT, RESOLVE, REOPEN;

        /** As typed on the command line and stored in events: ack, assign, … */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Verb ofWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }

        public boolean needsNote() {
            return this == COMMENT || this == RESOLVE || this == REOPEN;
        }
    }

    public static PersonAction ack(String actor) {
        return new PersonAction(Verb.ACK, actor, null, null, null);
    }

    public static PersonAction assign(String actor, String to) {
        return new PersonAction(Verb.ASSIGN, actor, to, null, null);
    }

    public static PersonAction comment(String actor, String note) {
        return new PersonAction(Verb.COMMENT, actor, null, null, note);
    }

    public static PersonAction resolve(String actor, Disposition disposition, String note) {
        return new PersonAction(Verb.RESOLVE, actor, null, disposition, note);
    }

    public static PersonAction reopen(String actor, String note) {
        return new PersonAction(Verb.REOPEN, actor, null, null, note);
    }

    /** How the action reads in a refusal: "resolve --fixed", "ack". */
    public String spelled() {
        return verb == Verb.RESOLVE ? "resolve --" + disposition.name().toLowerCase(Locale.ROOT) : verb.word();
    }
}
