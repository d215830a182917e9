package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.ModelLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The OpenAI cookbook's epoch heuristic (the providers' {@code auto}) and cost arithmetic.
 */
public final class CostModel {
    /** Epochs the heuristic aims for. */
    public static final int TARGET_EPOCHS = 3;
    /** Below this many trained examples (examples times epochs) the heuristic adds epochs. */
    public static final int MIN_TARGET_EXAMPLES = 100;
    /** Above this many trained examples the heuristic removes epochs. */
    public static final int MAX_TARGET_EXAMPLES = 25_000;
    /** The fewest epochs the heuristic picks. */
    public static final int MIN_DEFAULT_EPOCHS = 1;
    /** The most epochs the heuristic picks. */
    public static final int MAX_DEFAULT_EPOCHS = 25;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int COST_SCALE = 4;

    private CostModel() {
    }

    /**
     * The epochs {@code auto} picks for a dataset.
     *
     * @param examples number of training examples
     * @return 1 to 25; 0 for an empty dataset
     */
    public static int heuristicEpochs(long examples) {
        if (examples <= 0) {
            return 0;
        }
        if (examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES) {
            return (int) Math.min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES / examples);
        }
        if (examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES) {
            return (int) Math.max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES / examples);
        }
        return TARGET_EPOCHS;
    }

    static CostEstimate estimate(String model, Optional<ModelLimits> limits, Optional<Integer> fixedEpochs,
                                 long examples, long billingTokens, String tableVersion) {
        int epochs = fixedEpochs.orElseGet(() -> heuristicEpochs(examples));
        long trained = billingTokens * epochs;
        CostEstimate.EpochSource source = fixedEpochs.isPresent() ? CostEstimate.EpochSource.FIXED
                : CostEstimate.EpochSource.HEURISTIC;
        CostEstimate.Builder b = CostEstimate.builder().baseModel(model).epochs(epochs).epochSource(source)
                .billingTokens(billingTokens).trainedTokens(trained).priceTableVersion(tableVersion);
        limits.ifPresent(l -> {
            b.maxTokensPerExample(l.maxTokensPerExample());
            l.trainingPricePerMillionTokens().ifPresent(price -> {
                b.pricePerMillionTokens(price);
                b.estimatedCost(price.multiply(BigDecimal.valueOf(trained)).divide(MILLION, COST_SCALE,
                        RoundingMode.HALF_UP));
            });
        });
        return b.build();
    }
}
