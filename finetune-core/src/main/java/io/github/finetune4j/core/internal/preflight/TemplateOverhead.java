package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.ChatTemplate;

import java.util.List;

/**
 * The tokens a chat template adds around the content: per message (the role and the markers around it) and per
 * example. Special markers count one token each; the template's fixed text (roles, line breaks, preambles) is
 * counted with the run's tokenizer through the line's cache. See {@link ChatTemplate} for each format.
 */
final class TemplateOverhead {
    /** What Llama 3.1's template writes at the start of the system message. */
    static final String LLAMA_PREAMBLE = "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n";
    /** The system message gpt-oss's harmony template always renders. */
    static final String HARMONY_SYSTEM = "You are ChatGPT, a large language model trained by OpenAI.\n"
            + "Knowledge cutoff: 2024-06\nCurrent date: 2025-06-28\n\nReasoning: medium\n\n"
            + "# Valid channels: analysis, commentary, final. Channel must be included for every message.";

    private final ChatTemplate template;

    /**
     * The special tokens a template writes, which the model's own tokenizer has as single tokens: a tokenizer without
     * them is another model's. Empty for the templates counted with tiktoken encodings.
     *
     * @param template the template
     * @return the markers
     */
    static List<String> markers(ChatTemplate template) {
        switch (template) {
            case CHATML:
            case QWEN3:     // Qwen 3's <think> and </think> are added tokens, but not marked special
                return List.of("<|im_start|>", "<|im_end|>");
            case LLAMA_3:
                return List.of("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>");
            case MISTRAL:
                return List.of("[INST]", "[/INST]");
            default:
                return List.of();
        }
    }

    TemplateOverhead(ChatTemplate template) {
        this.template = template;
    }

    ChatTemplate template() {
        return template;
    }

    /**
     * The overhead of one message, role included.
     *
     * @param role the role as written, or empty when missing
     * @param ctx the line
     * @param field the role's field, for issues
     * @return tokens
     */
    int message(String role, LineContext ctx, String field) {
        switch (template) {
            case CHATML:
            case QWEN3:
                return 2 + ctx.plain(role + "\n", field) + ctx.plain("\n", field);
            case LLAMA_3:
                return 3 + ctx.plain(role, field) + ctx.plain("\n\n", field);
            case MISTRAL:
                switch (role) {
                    case "assistant":
                        return 1;
                    case "system":
                        return ctx.plain("\n\n", field);
                    default:
                        return 2;
                }
            case HARMONY:
                if ("system".equals(role)) {
                    return 3 + ctx.plain("developer", field) + ctx.plain("# Instructions\n\n", field);
                }
                if ("assistant".equals(role)) {
                    return 4 + ctx.plain("assistant", field) + ctx.plain("final", field);
                }
                return 3 + ctx.plain(role, field);
            default:
                return 3 + ctx.plain(role, field);
        }
    }

    /**
     * What a {@code name} adds besides its own tokens: 1 in the cookbook's formula, nothing in the other templates.
     *
     * @return tokens
     */
    int name() {
        return template == ChatTemplate.OPENAI ? 1 : 0;
    }

    /**
     * The overhead of one example.
     *
     * @param hasSystem whether the example has a system message
     * @param ctx the line
     * @return tokens
     */
    int example(boolean hasSystem, LineContext ctx) {
        switch (template) {
            case CHATML:
                return 0;
            case QWEN3:
                return 2 + 2 * ctx.plain("\n\n", "");
            case LLAMA_3:
                return 1 + ctx.plain(LLAMA_PREAMBLE, "") + (hasSystem ? 0 : message("system", ctx, ""));
            case MISTRAL:
                return 1;
            case HARMONY:
                return 3 + ctx.plain("system", "") + ctx.plain(HARMONY_SYSTEM, "");
            default:
                return 3;
        }
    }
}
