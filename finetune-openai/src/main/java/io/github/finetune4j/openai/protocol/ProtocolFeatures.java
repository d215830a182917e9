package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ModelDeletion;

import java.util.Optional;

/** Which core SPI type offers each optional operation of the protocol. */
final class ProtocolFeatures {
    private ProtocolFeatures() {
    }

    static Optional<Class<?>> spiType(OpenAiDialect.Feature feature) {
        switch (feature) {
            case PAUSE_RESUME: return Optional.of(JobControl.class);
            case MODEL_CATALOG: return Optional.of(ModelCatalog.class);
            case MODEL_DELETION: return Optional.of(ModelDeletion.class);
            case BATCHES: return Optional.of(BatchSupport.class);
            case LARGE_FILE_UPLOADS: return Optional.of(LargeFileUploads.class);
            default: return Optional.empty();
        }
    }
}
