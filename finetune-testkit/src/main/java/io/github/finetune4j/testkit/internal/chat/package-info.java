/**
 * The chat responder: nearest-neighbour retrieval over training examples (character n-gram TF-IDF cosine). This is
 * an emulation, not a language model. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.chat;
