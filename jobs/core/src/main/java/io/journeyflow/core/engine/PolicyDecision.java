package io.journeyflow.core.engine;

/**
 * What the contact policy says about one action attempt.
 *
 * @param channel the channel to send on (for {@link Verdict#SEND})
 * @param until when to try again (for {@link Verdict#DEFER})
 * @param reason why, readable: for a send the channel choice (empty for a fixed channel), otherwise the policy's
 *     reason such as {@code suppressed:consent}, {@code capped:email/day} or {@code deferred:quiet_hours}
 */
record PolicyDecision(Verdict verdict, String channel, long until, String reason) {

    enum Verdict { SEND, SKIP, DEFER }

    static PolicyDecision send(String channel, String reason) {
        return new PolicyDecision(Verdict.SEND, channel, 0, reason);
    }

    static PolicyDecision skip(String reason) {
        return new PolicyDecision(Verdict.SKIP, null, 0, reason);
    }

    static PolicyDecision defer(long until, String reason) {
        return new PolicyDecision(Verdict.DEFER, null, until, reason);
    }
}
