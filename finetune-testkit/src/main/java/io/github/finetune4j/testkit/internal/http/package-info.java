/**
 * HTTP plumbing of the emulator: request and response values, routing, dialects, multipart parsing and fault
 * injection. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.http;
