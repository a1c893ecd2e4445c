package io.journeyflow.local.generate;

/**
 * The simulated period, in epoch milliseconds.
 *
 * @param end exclusive: no event is at or after it
 * @param duplicateRate the share of events delivered twice
 */
record GeneratorPeriod(long seed, long start, long end, double duplicateRate) {
}
