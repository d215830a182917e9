/**
 * In-memory state of the emulator: files, jobs, models, the clock-driven job simulation and the generated
 * training curves and result files. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.state;
