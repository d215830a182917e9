package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derives the idempotency key of a request from its content, so that the same program run twice (after a crash, or
 * by mistake) names the same job: {@code ft4j-} and 40 hex characters of a SHA-256 over the training and validation
 * content (digest, or file id for files given by id), base model, method, hyperparameters, suffix, seed, metadata,
 * extra body properties and provider options (their {@code describe()}). A caller's own key is used as is.
 */
final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    /**
     * The key of a request.
     *
     * @param request the request
     * @param training the training content: {@code sha256:<hex>} or {@code file:<id>}
     * @param validation the validation content, if any
     * @return the caller's key, else the derived one
     */
    static String of(FineTuneRequest request, String training, Optional<String> validation) {
        if (request.idempotencyKey().isPresent()) {
            return request.idempotencyKey().get();
        }
        Map<String, String> fields = new TreeMap<>();
        fields.put("baseModel", request.baseModel());
        fields.put("training", training);
        fields.put("validation", validation.orElse("-"));
        fields.put("method", request.method().wireName());
        fields.put("hyperparameters", describe(request.hyperparameters()));
        fields.put("suffix", request.suffix().orElse("-"));
        fields.put("seed", request.seed().map(String::valueOf).orElse("-"));
        new TreeMap<>(request.metadata()).forEach((k, v) -> fields.put("metadata." + k, v));
        new TreeMap<>(request.extraBodyProperties()).forEach((k, v) -> fields.put("extra." + k, String.valueOf(v)));
        request.providerOptions().ifPresent(o -> fields.put("options." + o.providerId(), o.describe()));
        StringBuilder canonical = new StringBuilder("finetune4j-key-v1\n");
        fields.forEach((k, v) -> canonical.append(k).append('=').append(v.replace("\n", "\\n")).append('\n'));
        return "ft4j-" + sha256(canonical.toString()).substring(0, 40);
    }

    private static String describe(Hyperparameters h) {
        return "epochs=" + value(h.epochs()) + ",batch=" + value(h.batchSize()) + ",lr="
                + value(h.learningRateMultiplier()) + ",beta=" + value(h.beta());
    }

    private static String value(Optional<HyperparameterValue> v) {
        return v.map(x -> x.isAuto() ? "auto" : String.valueOf(x.number().orElseThrow())).orElse("-");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
