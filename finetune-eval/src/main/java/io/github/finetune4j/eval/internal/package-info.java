/**
 * Evaluation internals: text metrics, bootstrap, result cache, token counting, charts and HTML rendering. Not API.
 * May change in any release.
 */
package io.github.finetune4j.eval.internal;
