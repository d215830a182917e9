package io.github.finetune4j.testkit.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base models and the fine-tuned models. Guarded by the {@link EmulatorState} lock.
 */
public final class ModelStore {

    /** When the emulated base models were "created": 2024-07-18T00:00:00Z. */
    static final Instant BASE_CREATED = Instant.parse("2024-07-18T00:00:00Z");

    /** The shutdown date announced for the gpt-4o and gpt-4.1 families. */
    static final String BASE_SHUTDOWN = "2027-01-14";

    /**
     * The {@code owned_by} of the emulated base models. The service says {@code system}; the emulator says what
     * it is wherever a client may show the owner.
     */
    public static final String BASE_OWNER = "finetune4j-emulator";

    private final Map<String, ModelRecord> models = new LinkedHashMap<>();

    /**
     * Creates a store with the given base models.
     *
     * @param baseModels the ids of the base models
     */
    public ModelStore(List<String> baseModels) {
        for (String id : baseModels) {
            models.put(id, new ModelRecord(id, BASE_CREATED, BASE_OWNER,
                    OpenAiLifecycle.shutdownDate(id).orElse(BASE_SHUTDOWN), null));
        }
    }

    /**
     * Adds a fine-tuned model.
     *
     * @param model the model
     */
    public void add(ModelRecord model) {
        models.put(model.id(), model);
    }

    /**
     * Finds a model.
     *
     * @param id the id
     * @return the model, or empty when unknown or deleted
     */
    public Optional<ModelRecord> get(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /**
     * Deletes a model.
     *
     * @param id the id
     * @return true when it existed
     */
    public boolean remove(String id) {
        return models.remove(id) != null;
    }

    /**
     * Returns all models: base models first, then fine-tuned ones in order of creation.
     *
     * @return the models
     */
    public List<ModelRecord> all() {
        return new ArrayList<>(models.values());
    }
}
