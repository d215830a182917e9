/**
 * The OpenAI fine-tuning protocol as the emulator serves it on every route that speaks it (OpenAI {@code /v1},
 * Azure {@code /openai/v1} and the dated {@code /openai} route): the files and jobs endpoints, their paging and
 * their request bodies, written once. A route plugs in what differs ({@link
 * io.github.finetune4j.testkit.internal.protocol.FileRules}, {@link
 * io.github.finetune4j.testkit.internal.protocol.JobRules}): its JSON shapes, its error words, its status codes.
 * Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.protocol;
