package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.ModelInfo;

import java.util.List;

/**
 * Optional feature: the provider's model catalog. It is the lifecycle source of the core's guard: whether a base
 * model can be fine-tuned, and when it (and the models tuned from it) stop being served.
 */
public interface ModelCatalog {
    /**
     * Reads one model.
     *
     * @param model the model name
     * @return the model
     */
    ModelInfo getModel(String model);

    /**
     * Reads the whole catalog (one request; catalogs are not paged).
     *
     * @return base and fine-tuned models
     */
    List<ModelInfo> listModels();
}
