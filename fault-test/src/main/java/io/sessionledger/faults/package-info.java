/**
 * The fault-injection suite (issue 10, point 6): {@link io.sessionledger.faults.FaultSuite} runs the system
 * ({@code cluster}), drives it ({@code load}), injects faults one at a time, checks what was left behind
 * ({@code check}) and reports per fault ({@code report}). README, "Fault injection", says how to run it.
 */
package io.sessionledger.faults;
