package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.TokenEncoding;

import java.util.List;
import java.util.Locale;

/**
 * The model families the pre-flight knows by name, each with its chat template and the special tokens that template
 * reserves. Names are matched as the providers spell them: {@code gpt-4o-mini-2024-07-18} and {@code ft:} names,
 * {@code openai/gpt-oss-20b}, {@code meta-llama/Meta-Llama-3.1-8B-Instruct-Reference} (Together) and
 * {@code Llama-3.3-70B-Instruct} (Azure AI Foundry), {@code Qwen/Qwen3-8B}, {@code mistralai/Mistral-Nemo-Instruct-2407}.
 */
enum ModelFamily {
    /** OpenAI's GPT models, counted with their tiktoken encoding. */
    OPENAI(ChatTemplate.OPENAI, List.of()),
    /** gpt-oss: o200k_base ranks, harmony format. */
    GPT_OSS(ChatTemplate.HARMONY, List.of("<|start|>", "<|end|>", "<|message|>", "<|channel|>", "<|constrain|>",
            "<|return|>", "<|call|>", "<|startoftext|>", "<|endoftext|>")),
    /** Llama 3.x. */
    LLAMA_3(ChatTemplate.LLAMA_3, List.of("<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>",
            "<|end_header_id|>", "<|eot_id|>", "<|eom_id|>", "<|python_tag|>")),
    /** Qwen 2.5. */
    QWEN(ChatTemplate.CHATML, List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>")),
    /** Qwen 3 and later: ChatML with a thinking block before the answer. */
    QWEN3(ChatTemplate.QWEN3, List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>", "<think>", "</think>")),
    /** Mistral, Ministral, Mixtral. */
    MISTRAL(ChatTemplate.MISTRAL, List.of("[INST]", "[/INST]", "[TOOL_CALLS]", "[AVAILABLE_TOOLS]",
            "[/AVAILABLE_TOOLS]", "[TOOL_RESULTS]", "[/TOOL_RESULTS]")),
    /** Anything else. */
    UNKNOWN(ChatTemplate.OPENAI, List.of());

    final ChatTemplate template;
    final List<String> specialTokens;

    ModelFamily(ChatTemplate template, List<String> specialTokens) {
        this.template = template;
        this.specialTokens = specialTokens;
    }

    /** Whether the family is an open model whose own tokenizer is not a tiktoken encoding. */
    boolean needsItsOwnTokenizer() {
        return this == LLAMA_3 || this == QWEN || this == QWEN3 || this == MISTRAL;
    }

    /**
     * The family of a model name.
     *
     * @param model a base model or fine-tuned model name
     * @return the family
     */
    static ModelFamily of(String model) {
        String base = TokenEncoding.baseModelName(model);
        String name = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.contains("gpt-oss")) {
            return GPT_OSS;
        }
        if (name.matches(".*llama-?3([.-].*)?")) {
            return LLAMA_3;
        }
        if (name.matches("qwen([3-9]|\\d{2,}).*")) {
            return QWEN3;
        }
        if (name.startsWith("qwen")) {
            return QWEN;
        }
        if (name.contains("mistral") || name.contains("ministral") || name.contains("mixtral")) {
            return MISTRAL;
        }
        return TokenEncoding.forModel(model).isPresent() ? OPENAI : UNKNOWN;
    }
}
