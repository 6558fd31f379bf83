/**
 * The observable events of a run, one record per kind, and the statuses and values they carry.
 * Scheduling code emits them; listeners turn them into outputs.
 */
package dev.barriersim.core.event;
