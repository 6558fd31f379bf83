/**
 * Seeded randomness: named streams, generators positioned by key for common random numbers, and the
 * duration distributions. No draw depends on scheduling order.
 */
package dev.barriersim.core.random;
