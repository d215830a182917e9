package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.ProviderOptions;
import io.github.finetune4j.core.spi.JobCreation;

import java.util.Map;
import java.util.Optional;

/** Job creations for tests. */
final class Jobs {
    static final String KEY = "key-0001";

    private Jobs() {
    }

    static JobCreation full(FineTuneMethod method, Hyperparameters hyperparameters) {
        return new JobCreation("gpt-4o-mini-2024-07-18", FileId.of("file-7a1c2b3d4e5f60718293a4b5c6d7e8f9"),
                Optional.of(FileId.of("file-0b1c2d3e4f5061728394a5b6c7d8e9f0")), Optional.of("t1000"),
                Optional.of(42L), Map.of("finetune4j_idempotency_key", KEY), method, hyperparameters, Map.of(), KEY);
    }

    /** A supervised job on a base model with provider options. */
    static JobCreation on(String baseModel, ProviderOptions options) {
        return new JobCreation(baseModel, FileId.of("file-7a1c2b3d4e5f60718293a4b5c6d7e8f9"), Optional.empty(),
                Optional.of("t1000"), Optional.empty(), Map.of("finetune4j_idempotency_key", KEY),
                FineTuneMethod.SUPERVISED, Hyperparameters.defaults(), Map.of(), KEY, Optional.of(options));
    }

    static JobCreation full() {
        return full(FineTuneMethod.SUPERVISED, Hyperparameters.builder().epochs(3).batchSizeAuto()
                .learningRateMultiplier(0.1).build());
    }
}
