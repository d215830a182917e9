package io.github.finetune4j.core.preflight;

/**
 * The chat format a provider renders each training example into, and so the tokens it adds around the content of
 * every message. The pre-flight counts content with the tokenizer and adds the template's overhead per message and
 * per example; special markers such as {@code <|im_start|>} count one token each. The overhead is computed from the
 * template's fixed text, so where the real template joins text across a boundary (content that starts with a line
 * break, for example) the count can differ by a token. Constants may be added in minor releases.
 */
public enum ChatTemplate {
    /**
     * The OpenAI cookbook's formula, which OpenAI's own counts follow: per message 3 tokens plus the tokens of the
     * role, plus 1 for a {@code name}; per example 3.
     */
    OPENAI,
    /**
     * ChatML, as Qwen 2.5 uses it: per message {@code <|im_start|>{role}\n ... <|im_end|>\n}, that is 2 markers
     * plus the tokens of the role with its line break plus the closing line break. Qwen 2.5's default system
     * prompt, added when an example has none, is not counted.
     */
    CHATML,
    /**
     * ChatML as Qwen 3's own template renders a training example: as {@link #CHATML}, and the final assistant
     * message (the answer after the last user message) starts with an empty thinking block,
     * {@code <think>\n\n</think>\n\n}: per example 2 more markers and two blank lines.
     */
    QWEN3,
    /**
     * Llama 3.1 and later: per example {@code <|begin_of_text|>} and the system header's preamble
     * ({@code Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n}, and the system header itself
     * when the example has no system message); per message
     * {@code <|start_header_id|>{role}<|end_header_id|>\n\n ... <|eot_id|>}, 3 markers plus the role and the blank
     * line.
     */
    LLAMA_3,
    /**
     * Mistral's instruct format as Mistral Nemo (tekken) renders it: per example {@code <s>}; a user message is
     * wrapped in {@code [INST] ... [/INST]} (2), an assistant message ends with {@code </s>} (1), tool results in
     * {@code [TOOL_RESULTS] ... [/TOOL_RESULTS]} (2), and the system prompt is joined to the last user message with
     * a blank line.
     */
    MISTRAL,
    /**
     * OpenAI's harmony format of gpt-oss, counted with {@code o200k_base} (the ranks of {@code o200k_harmony}): per
     * example the system message the template always renders (model identity, knowledge cut-off, date, reasoning
     * effort, channels); per message {@code <|start|>{role}<|message|> ... <|end|>} (3 markers), a system message
     * becoming the developer message {@code # Instructions\n\n...}, an assistant message in the final channel
     * ({@code <|channel|>final}, one more marker).
     */
    HARMONY
}
