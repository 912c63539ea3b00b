package org.opencircles.platform.consumer;

import org.opencircles.platform.database.DatabaseProbe;

/** What to do after a failure: wait and retry from the first unapplied record, or find the record at fault. */
record Verdict(boolean retry, String reason) {

    /**
     * Whether a failure is to be waited out: always, unless the message's content is at fault or the failure is
     * unexplained and the database answers a fresh connection (then a record may be at fault, so it is isolated).
     */
    static Verdict on(RuntimeException e, DatabaseProbe database) {
        return switch (FailureKind.of(e)) {
            case CONTENT -> new Verdict(false, null);
            case NOT_NOW -> new Verdict(true, FailureKind.rootMessage(e));
            case UNEXPLAINED ->
                database.problem()
                        .map(p -> new Verdict(
                                true, "the database does not answer (" + p + ") after " + FailureKind.rootMessage(e)))
                        .orElse(new Verdict(false, null));
        };
    }
}
