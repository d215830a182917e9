package io.github.finetune4j.eval;

import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchOptions;

import java.util.Objects;

/**
 * The batch option of an evaluation: the provider's Batch API and how batches run.
 *
 * @param chat the Batch API of the client
 * @param options window, budget and metadata
 */
record BatchMode(BatchChat chat, BatchOptions options) {
    BatchMode {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(options, "options");
    }
}
