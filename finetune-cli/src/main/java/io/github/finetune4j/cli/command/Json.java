package io.github.finetune4j.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobSnapshot;

import java.util.Locale;

/** One-line JSON of jobs and files for {@code --json}. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String job(JobSnapshot j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", j.id().value());
        n.put("status", j.status().name().toLowerCase(Locale.ROOT));
        n.put("rawStatus", j.rawStatus());
        n.put("provider", j.provider());
        n.put("baseModel", j.baseModel());
        j.fineTunedModel().ifPresent(m -> n.put("fineTunedModel", m));
        n.put("createdAt", j.createdAt().toString());
        j.finishedAt().ifPresent(t -> n.put("finishedAt", t.toString()));
        j.trainedTokens().ifPresent(t -> n.put("trainedTokens", t));
        j.error().ifPresent(e -> n.put("error", e.message()));
        ObjectNode metadata = n.putObject("metadata");
        j.metadata().forEach(metadata::put);
        return n.toString();
    }

    static String file(FileInfo f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", f.id().value());
        n.put("filename", f.filename());
        n.put("bytes", f.bytes());
        n.put("purpose", f.purpose());
        n.put("status", f.status().name().toLowerCase(Locale.ROOT));
        n.put("createdAt", f.createdAt().toString());
        return n.toString();
    }
}
