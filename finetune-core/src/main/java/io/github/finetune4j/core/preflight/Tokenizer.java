package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.internal.tokenizer.TiktokenCounter;

import java.util.List;

/**
 * Counts the tokens of text the way a model's tokenizer does. The pre-flight counts every string of a dataset with
 * one; by default it picks the tokenizer from the base model (see {@link ValidationOptions.Builder#tokenizer}).
 *
 * <pre>{@code
 * Tokenizer o200k = Tokenizer.tiktoken(TokenEncoding.O200K_BASE);
 * int tokens = o200k.countTokens("Warum saugt mein T-1000 nicht mehr richtig?");
 *
 * Tokenizer qwen = HuggingFaceTokenizer.fromFile(Path.of("tokenizer.json"));
 * }</pre>
 *
 * <p>Counts are of ordinary text: no chat template, no begin-of-text token. A Hugging Face tokenizer still counts each
 * of its added tokens in the text (such as {@code <|im_end|>}) as one token, as the Hugging Face library does when
 * encoding without special tokens. Counting is exact for texts of any length: a run of millions of one character is
 * counted in memory linear in its length and O(n log n) time.
 *
 * <p>Implementations must be thread-safe. Implementing this interface yourself is allowed; the pre-flight then calls
 * {@link #countTokens} without its per-line time limit.
 */
public interface Tokenizer {
    /**
     * The tokenizer's name, as reports show it: {@code o200k_base}, or the model or file a {@code tokenizer.json} came
     * from.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Counts the tokens of ordinary text.
     *
     * @param text the text, never null
     * @return the number of tokens, 0 for the empty string
     */
    int countTokens(String text);

    /**
     * The special tokens of this tokenizer that must not occur in training text, because they would break the chat
     * format (for tiktoken encodings the ones OpenAI rejects, such as {@code <|endoftext|>}; for a Hugging Face
     * tokenizer its added tokens marked special, such as {@code <|im_start|>}).
     *
     * @return the tokens, never null
     */
    List<String> specialTokens();

    /**
     * The tokenizer of a tiktoken encoding, as OpenAI's models use them. Counts are identical to tiktoken's.
     * The first call per encoding loads it (about 0.5 s and 31 MB for {@code o200k_base}); the instance is shared.
     *
     * @param encoding the encoding
     * @return the tokenizer
     */
    static Tokenizer tiktoken(TokenEncoding encoding) {
        return TiktokenCounter.of(java.util.Objects.requireNonNull(encoding, "encoding"));
    }
}
