package io.github.finetune4j.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;

/** Renders an {@link Inventory} as JSON for tools. */
final class InventoryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InventoryJson() {
    }

    static String render(Inventory inventory) {
        ObjectNode root = JSON.createObjectNode();
        root.put("provider", inventory.provider());
        root.put("taken_at", inventory.takenAt().toString());
        ArrayNode jobs = root.putArray("jobs");
        for (InventoryEntry e : inventory.entries()) {
            JobSnapshot j = e.job();
            ObjectNode n = jobs.addObject();
            n.put("id", j.id().value());
            n.put("status", j.rawStatus());
            n.put("fine_tuned_model", j.fineTunedModel().orElse(null));
            n.put("base_model", j.baseModel());
            n.put("method", j.method().wireName());
            ObjectNode hp = n.putObject("hyperparameters");
            HyperparameterText.of(j.hyperparameters()).forEach(hp::put);
            n.put("suffix", j.suffix().orElse(null));
            if (j.seed().isPresent()) {
                n.put("seed", j.seed().get());
            } else {
                n.putNull("seed");
            }
            n.put("created_at", j.createdAt().toString());
            if (j.trainedTokens().isPresent()) {
                n.put("trained_tokens", j.trainedTokens().get());
            } else {
                n.putNull("trained_tokens");
            }
            n.set("training_file", file(e.trainingFile()));
            n.set("validation_file", e.validationFile().map(InventoryJson::file).orElse(null));
            n.put("shutdown_date", e.shutdownDate().map(Object::toString).orElse(null));
            if (e.daysLeft().isPresent()) {
                n.put("days_left", e.daysLeft().get());
            } else {
                n.putNull("days_left");
            }
            n.put("migratable", e.isMigratable());
            n.put("not_migratable", e.whyNotMigratable().orElse(null));
        }
        ArrayNode unmatched = root.putArray("unmatched_models");
        for (ModelInfo m : inventory.unmatchedModels()) {
            ObjectNode n = unmatched.addObject();
            n.put("id", m.id());
            n.put("shutdown_date", m.shutdownDate().map(Object::toString).orElse(null));
        }
        ArrayNode notes = root.putArray("notes");
        inventory.notes().forEach(notes::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the inventory as JSON", e);
        }
    }

    private static ObjectNode file(SourceFile f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", f.id().value());
        n.put("availability", f.availability().wireName());
        n.put("filename", f.filename().orElse(null));
        if (f.bytes().isPresent()) {
            n.put("bytes", f.bytes().get());
        } else {
            n.putNull("bytes");
        }
        n.put("detail", f.detail().orElse(null));
        return n;
    }
}
