package io.journeyflow.core.engine;

import io.journeyflow.core.definition.ActionSpec;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.policy.FrequencyCap;
import io.journeyflow.core.profile.Profiles;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.LedgerEntry;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.schema.state.Suppression;
import java.util.List;
import java.util.Map;

/**
 * Sits between an action step and its action: consent, suppressions, best hour, quiet hours, frequency caps and
 * arbitration, in that order; the first that objects decides. A deferred attempt comes back at its deadline and
 * passes every check again (consent may have been withdrawn meanwhile), except the best-hour choice, already made.
 */
final class ContactPolicies {

    private static final String TRANSACTIONAL = FrequencyCap.TRANSACTIONAL;

    private final ContactPolicy policy;
    private final ChannelChooser chooser;
    private final SendTimes sendTimes;

    ContactPolicies(ContactPolicy policy) {
        this.policy = policy;
        this.chooser = new ChannelChooser(policy);
        this.sendTimes = new SendTimes(policy);
    }

    PolicyDecision decide(CustomerState state, CompiledJourney journey, JourneyInstance instance, ActionSpec spec,
            String actionHash, long now) {
        Profile profile = state.getProfile();
        String category = journey.category();
        ChannelChooser.Choice choice = spec.isBest()
                ? chooser.choose(spec.bestOf(), profile, state.getLedger(), category, actionHash, now)
                : new ChannelChooser.Choice(spec.channel(), "");
        if (choice.channel() == null || Profiles.optedOut(profile, choice.channel())) {
            return PolicyDecision.skip("suppressed:consent");
        }
        String suppression = activeSuppression(state, journey.id(), category, now);
        if (suppression != null) {
            return PolicyDecision.skip("suppressed:" + suppression);
        }
        if (spec.atBestHour() && !instance.getDeferred()) {
            long best = sendTimes.bestHour(profile, now, spec.bestHourWithinMillis());
            if (best > now) {
                return defer(instance, best, "deferred:best_hour");
            }
        }
        if (policy.quietHours() != null && policy.quietHours().applies(category)) {
            long allowed = policy.quietHours().nextAllowed(now, Profiles.zone(profile, policy));
            if (allowed > now) {
                return defer(instance, allowed, "deferred:quiet_hours");
            }
        }
        if (TRANSACTIONAL.equals(category)) {
            return PolicyDecision.send(choice.channel(), choice.reason());
        }
        PolicyDecision capped = caps(state.getLedger(), choice.channel(), category, instance, spec, now);
        if (capped != null) {
            return capped;
        }
        String winner = arbitrationWinner(state.getLedger(), journey, now);
        if (winner != null) {
            return spec.deferWhenCapped()
                    ? defer(instance, now + policy.arbitrationDeferMillis(), "deferred:arbitration:" + winner)
                    : PolicyDecision.skip("arbitration:" + winner);
        }
        return PolicyDecision.send(choice.channel(), choice.reason());
    }

    /** Remembers a sent action for caps and arbitration, if the policy has any. */
    void record(CustomerState state, long time, String channel, CompiledJourney journey) {
        if (policy.ledgerRetentionMillis() >= 0) {
            Ledger.record(state, time, channel, journey.category(), journey.id(), journey.priority(),
                    policy.ledgerRetentionMillis());
        }
    }

    /** Defers, unless that would move the action too far from when its step began. */
    private PolicyDecision defer(JourneyInstance instance, long until, String reason) {
        if (until - instance.getStepEnteredAt() > policy.maxDeferMillis()) {
            return PolicyDecision.skip("expired:" + reason.substring("deferred:".length()));
        }
        return PolicyDecision.defer(until, reason);
    }

    private String activeSuppression(CustomerState state, String journeyId, String category, long now) {
        Map<String, Suppression> active = state.getSuppressions();
        if (active.isEmpty()) {
            return null;
        }
        for (var rule : policy.suppressions()) {
            Suppression suppression = active.get(rule.id());
            if (suppression != null && now < suppression.getUntil() && rule.covers(journeyId, category)) {
                return rule.id();
            }
        }
        return null;
    }

    private PolicyDecision caps(List<LedgerEntry> ledger, String channel, String category, JourneyInstance instance,
            ActionSpec spec, long now) {
        String blockedBy = null;
        long allowedAt = now;
        for (FrequencyCap cap : policy.caps()) {
            if (!cap.covers(channel, category)) {
                continue;
            }
            long capAllows = Ledger.allowedAt(ledger, cap, now);
            if (capAllows > now && blockedBy == null) {
                blockedBy = cap.id();
            }
            allowedAt = Math.max(allowedAt, capAllows);
        }
        if (blockedBy == null) {
            return null;
        }
        return spec.deferWhenCapped()
                ? defer(instance, allowedAt, "deferred:capped:" + blockedBy)
                : PolicyDecision.skip("capped:" + blockedBy);
    }

    /**
     * The journey that already acted for this customer within the arbitration window with at least this journey's
     * priority, or {@code null}. Journeys run in priority order, so at one instant the higher priority acts first.
     */
    private String arbitrationWinner(List<LedgerEntry> ledger, CompiledJourney journey, long now) {
        if (policy.arbitrationWindowMillis() < 0) {
            return null;
        }
        for (int i = ledger.size() - 1; i >= 0; i--) {
            LedgerEntry entry = ledger.get(i);
            if (now - entry.getAt() > policy.arbitrationWindowMillis()) {
                return null;
            }
            if (!entry.getJourneyId().equals(journey.id()) && entry.getPriority() >= journey.priority()
                    && !TRANSACTIONAL.equals(entry.getCategory())) {
                return entry.getJourneyId();
            }
        }
        return null;
    }
}
