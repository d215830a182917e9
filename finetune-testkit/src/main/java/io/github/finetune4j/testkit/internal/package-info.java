/**
 * Emulator internals: server lifecycle, configuration and the command line. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal;
