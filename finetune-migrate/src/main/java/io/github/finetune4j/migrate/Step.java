package io.github.finetune4j.migrate;

import java.util.Locale;

/** The steps of a migration, in order. */
public enum Step {
    /** List the source account's jobs, files and shutdown dates; record them in the manifest. */
    INVENTORY,
    /** Download each model's files (streamed, checksummed) and record its golden answers. */
    SNAPSHOT,
    /** Retrain each model on the target, exactly once, and await it. */
    RETRAIN,
    /** Compare old and new model on the golden answers and the references; write the reports. */
    COMPARE;

    /**
     * The step's name as the command line spells it.
     *
     * @return for example {@code snapshot}
     */
    public String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
