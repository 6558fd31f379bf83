/**
 * The cluster: executor specs and changes, and at run time each executor's free cores, custom
 * resources and addresses, with an index of the executors that can take a task.
 */
package dev.barriersim.core.cluster;
