package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The whole manifest of a migration folder: the source, the inventory, and each model's state. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ManifestState {
    /** The current format. */
    public static final int FORMAT = 1;

    /** The format of this manifest. */
    public int format = FORMAT;
    /** The source provider's id. */
    public String sourceProvider;
    /** When the folder was created (ISO-8601). */
    public String createdAt;
    /** When the manifest was last written (ISO-8601). */
    public String updatedAt;
    /** When the inventory was last taken (ISO-8601). */
    public String inventoryTakenAt;
    /** The source jobs, newest first as listed. */
    public List<ModelState> models = new ArrayList<>();

    /**
     * The entry of a source job.
     *
     * @param sourceJob the job id
     * @return the entry, if inventoried
     */
    public Optional<ModelState> model(String sourceJob) {
        return models.stream().filter(m -> m.sourceJob.equals(sourceJob)).findFirst();
    }
}
