package io.journeyflow.core.policy;

/**
 * How {@code channel: best} scores channels: the mean of a Beta posterior of the click rate, with a prior that stands
 * for a new customer, plus deterministic exploration.
 *
 * @param priorClicks pseudo-clicks every channel starts with
 * @param priorDeliveries pseudo-deliveries every channel starts with
 * @param exploreRate the share of decisions (chosen by a hash of the action id) that pick a channel by the hash
 *     instead of the best score, so channels without history still get tried
 */
public record ChannelChoice(double priorClicks, double priorDeliveries, double exploreRate) {

    public static ChannelChoice defaults() {
        return new ChannelChoice(1, 20, 0.1);
    }

    /** The posterior mean click rate after {@code clicked} clicks in {@code delivered} deliveries. */
    public double clickRate(double clicked, double delivered) {
        return (priorClicks + clicked) / (priorDeliveries + Math.max(delivered, clicked));
    }
}
