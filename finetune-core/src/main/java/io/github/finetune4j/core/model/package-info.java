/**
 * Immutable value types: identifiers, job snapshots, events, checkpoints, requests and dataset records.
 */
package io.github.finetune4j.core.model;
