package io.github.finetune4j.core.spi;

/** Optional feature: deleting a fine-tuned model. */
public interface ModelDeletion {
    /**
     * Deletes a fine-tuned model.
     *
     * @param model the model name
     * @return true if the provider confirmed the deletion
     */
    boolean deleteModel(String model);
}
