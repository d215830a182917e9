package io.github.finetune4j.migrate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the source job's resolved hyperparameters into the new job's, following a {@link HyperparameterPolicy}. */
final class HyperparameterTranslator {
    private HyperparameterTranslator() {
    }

    /**
     * The translation.
     *
     * @param policy the policy applied (never {@link HyperparameterPolicy#AUTO})
     * @param values name to value text; {@code auto} values are left out (the target chooses them anyway)
     */
    record Translation(HyperparameterPolicy policy, Map<String, String> values) {
    }

    static Translation translate(HyperparameterPolicy policy, Map<String, String> resolved, boolean sameBaseModel) {
        HyperparameterPolicy applied = policy != HyperparameterPolicy.AUTO ? policy
                : sameBaseModel ? HyperparameterPolicy.AS_RESOLVED : HyperparameterPolicy.EPOCHS_ONLY;
        Map<String, String> out = new LinkedHashMap<>();
        resolved.forEach((name, value) -> {
            if (value.equals("auto")) {
                return;
            }
            boolean keep = switch (applied) {
                case AS_RESOLVED -> true;
                case EPOCHS_ONLY -> name.equals(HyperparameterText.EPOCHS) || name.equals(HyperparameterText.BETA);
                default -> false;
            };
            if (keep) {
                out.put(name, value);
            }
        });
        return new Translation(applied, out);
    }
}
