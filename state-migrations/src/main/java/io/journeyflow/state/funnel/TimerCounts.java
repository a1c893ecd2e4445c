package io.journeyflow.state.funnel;

/**
 * How the customers' event-time timers relate to their state.
 *
 * @param registered every event-time timer of every customer
 * @param forDeadlines of those, the ones at an instance's deadline
 * @param forStateOnly the ones at the time the state tidies its lapsing records (re-entry history, suppressions,
 *     ledger)
 * @param needless the ones no due time of the state explains (they fire and find nothing to do)
 * @param unhonoured due times of the state that no timer reaches (none at or before them): they act only with the
 *     customer's next event
 */
public record TimerCounts(long registered, long forDeadlines, long forStateOnly, long needless, long unhonoured) {
}
