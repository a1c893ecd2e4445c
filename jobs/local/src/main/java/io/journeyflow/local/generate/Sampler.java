package io.journeyflow.local.generate;

import java.util.SplittableRandom;

/** Draws from one seeded stream: the few distributions customer behaviour needs, in whole seconds where time. */
final class Sampler {

    static final long SECOND = 1000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private final SplittableRandom random;

    Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream of its own for each (run seed, customer, episode): no draw of one ever shifts another's. */
    static Sampler of(long seed, long customer, long episode) {
        // SplittableRandom mixes its seed, so neighbouring keys still get unrelated streams.
        return new Sampler(seed * 0x9E3779B97F4A7C15L + customer * 0xC2B2AE3D27D4EB4FL + episode * 0x165667B19E3779F9L);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double uniform() {
        return random.nextDouble();
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A duration uniformly within [min, max], whole seconds. */
    long within(long min, long max) {
        return min + random.nextLong((max - min) / SECOND + 1) * SECOND;
    }

    /** The gap before the next arrival of a Poisson process with this mean gap (memoryless, as visits are). */
    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Pareto-distributed: most draws near {@code scale}, a few orders of magnitude above it (the heavy tail). */
    double pareto(double scale, double shape) {
        return scale / Math.pow(1 - random.nextDouble(), 1 / shape);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** One of {@code options}, with probability proportional to its weight. */
    <T> T weighted(T[] options, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < options.length - 1; i++) {
            point -= weights[i];
            if (point < 0) {
                return options[i];
            }
        }
        return options[options.length - 1];
    }
}
