/**
 * The front door of sim-core: Simulations runs one SimulationSpec, streams its outputs to RunOutputs
 * and returns a RunResult. Single-threaded and deterministic: same spec and seed, same bytes.
 */
package dev.barriersim.core;
