package io.github.finetune4j.together.internal;

import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.spi.StartCheck;
import io.github.finetune4j.together.TogetherTraining;

import java.util.Optional;

/**
 * Together's rules that a request can break before anything is uploaded: options of the right type, an absolute
 * learning rate (no multiplier), evaluations only with validation data, no more checkpoints than epochs, at most
 * {@value #MAX_EPOCHS} epochs. The limits that depend on the model (rank, batch size, full training) are the service's
 * to check. Stateless.
 */
final class RequestRules implements StartCheck {
    /** The most epochs Together takes. */
    static final int MAX_EPOCHS = 20;

    @Override
    public void check(FineTuneRequest request) {
        if (request.providerOptions().isPresent() && !(request.providerOptions().get() instanceof TogetherTraining)) {
            throw new IllegalArgumentException("Together takes TogetherTraining options, not "
                    + request.providerOptions().get().getClass().getSimpleName());
        }
        TogetherTraining training = request.providerOptions().map(TogetherTraining.class::cast)
                .orElse(TogetherTraining.defaults());
        if (number(request.hyperparameters().learningRateMultiplier()).isPresent()) {
            throw new IllegalArgumentException("Together takes an absolute learning rate, not a multiplier: set "
                    + "TogetherTraining.builder().learningRate(...) (the service's default is 1e-5)");
        }
        boolean validation = request.validationData().isPresent() || request.validationFile().isPresent();
        if (training.evaluations().filter(e -> e > 0).isPresent() && !validation) {
            throw new IllegalArgumentException("TogetherTraining.evaluations(" + training.evaluations().get()
                    + ") needs validation data: set validationData(...) or validationFile(...) on the request");
        }
        Optional<Double> epochs = number(request.hyperparameters().epochs());
        epochs.filter(e -> e > MAX_EPOCHS).ifPresent(e -> {
            throw new IllegalArgumentException("Together trains at most " + MAX_EPOCHS + " epochs: " + e.intValue());
        });
        int effectiveEpochs = epochs.map(Double::intValue).orElse(1);
        training.checkpoints().filter(c -> c > effectiveEpochs).ifPresent(c -> {
            throw new IllegalArgumentException("TogetherTraining.checkpoints(" + c + ") exceeds the " + effectiveEpochs
                    + " epoch(s) of the request: Together keeps at most one checkpoint per epoch");
        });
    }

    private static Optional<Double> number(Optional<HyperparameterValue> value) {
        return value.filter(v -> !v.isAuto()).map(v -> v.number().getAsDouble());
    }
}
