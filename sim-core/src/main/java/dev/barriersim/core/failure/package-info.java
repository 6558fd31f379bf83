/**
 * What goes wrong: the failure specs of tasks and executors, and the injector that decides, at
 * launch, whether and when an attempt fails or hangs. Recovery is the scheduler's business.
 */
package dev.barriersim.core.failure;
