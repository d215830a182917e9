package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.spi.JobCreation;

import java.util.Map;
import java.util.Optional;

/** Job creations used by several tests. */
final class Jobs {
    private Jobs() {
    }

    static JobCreation minimal() {
        return new JobCreation("gpt-4o-mini-2024-07-18", FileId.of("file-abc123"), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), FineTuneMethod.SUPERVISED,
                Hyperparameters.defaults(), Map.of(), "key-0001");
    }

    static JobCreation full() {
        return new JobCreation("gpt-4o-mini-2024-07-18", FileId.of("file-abc123"),
                Optional.of(FileId.of("file-def456")), Optional.of("t1000"), Optional.of(42L),
                Map.of("finetune4j_idempotency_key", "key-0001", "team", "support"), FineTuneMethod.SUPERVISED,
                Hyperparameters.builder().epochs(3).batchSizeAuto().learningRateMultiplier(1.8).build(),
                Map.of(), "key-0001");
    }
}
