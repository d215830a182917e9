/**
 * Byte content the emulator keeps without holding it in memory: small content in memory, large content in files
 * of a temporary folder that the emulator deletes when it closes. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.blob;
