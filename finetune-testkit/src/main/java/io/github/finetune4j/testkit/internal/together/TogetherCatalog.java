package io.github.finetune4j.testkit.internal.together;

import java.util.List;
import java.util.Optional;

/**
 * The fine-tunable models of the emulated Together account and what training them costs. The list is a small
 * sample of Together's (which changes often); the prices are Together's published per-token rates by model size
 * at the time of writing, for illustration: up to 16 B parameters $0.48 per million tokens for LoRA SFT and $0.54
 * for full SFT, up to 69 B $1.50 and $1.65, up to 100 B $2.90 and $3.20, larger ones $7.00 and $8.00; DPO costs
 * 2.5 times as much.
 */
final class TogetherCatalog {

    private static final TogetherModel.Limits LORA_SMALL = new TogetherModel.Limits(8, 32, 16, 64);
    private static final TogetherModel.Limits FULL_SMALL = new TogetherModel.Limits(8, 16, 8, 0);
    private static final TogetherModel.Limits LORA_LARGE = new TogetherModel.Limits(8, 16, 8, 64);

    static final List<TogetherModel> MODELS = List.of(
            new TogetherModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "meta-llama", 8_030_261_248L,
                    131_072, LORA_SMALL, FULL_SMALL, true, false),
            new TogetherModel("meta-llama/Meta-Llama-3.1-70B-Instruct-Reference", "meta-llama", 70_553_706_496L,
                    131_072, LORA_LARGE, null, true, false),
            new TogetherModel("meta-llama/Llama-3.3-70B-Instruct-Reference", "meta-llama", 70_553_706_496L,
                    131_072, LORA_LARGE, null, false, false),
            new TogetherModel("Qwen/Qwen3-8B", "Qwen", 8_190_735_360L, 40_960, LORA_SMALL, FULL_SMALL, false,
                    true),
            new TogetherModel("openai/gpt-oss-20b", "openai", 20_914_757_184L, 131_072, LORA_LARGE, null, false,
                    true),
            new TogetherModel("mistralai/Mixtral-8x7B-Instruct-v0.1", "mistralai", 46_702_792_704L, 32_768,
                    LORA_LARGE, null, false, false));

    private TogetherCatalog() {
    }

    static Optional<TogetherModel> find(String id) {
        return MODELS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static List<String> ids() {
        return MODELS.stream().map(TogetherModel::id).toList();
    }

    /**
     * Returns the price of training one million tokens.
     *
     * @param model the base model
     * @param lora LoRA (true) or full training
     * @param dpo DPO (true) or SFT
     * @return US dollars per million tokens
     */
    static double pricePerMillion(TogetherModel model, boolean lora, boolean dpo) {
        double billions = model.paramCount() / 1e9;
        double base;
        if (billions <= 16) {
            base = lora ? 0.48 : 0.54;
        } else if (billions <= 69) {
            base = lora ? 1.50 : 1.65;
        } else if (billions <= 100) {
            base = lora ? 2.90 : 3.20;
        } else {
            base = lora ? 7.00 : 8.00;
        }
        return dpo ? base * 2.5 : base;
    }
}
