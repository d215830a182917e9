package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.internal.tokenizer.TiktokenCounter;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The tiktoken encodings the pre-flight counts with. The encoding follows the <em>base</em> model: fine-tuned names
 * ({@code ft:gpt-4o-mini-2024-07-18:org::id}) and Azure names ({@code gpt-35-turbo},
 * {@code gpt-4o-mini-2024-07-18.ft-abc}) are resolved to their base first.
 */
public enum TokenEncoding {
    /** {@code cl100k_base}: gpt-3.5-turbo and gpt-4. */
    CL100K_BASE("cl100k_base"),
    /** {@code o200k_base}: gpt-4o, gpt-4.1, o-series, gpt-5 and newer. */
    O200K_BASE("o200k_base");

    private static final String[] O200K_PREFIXES = {
        "gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss", "o1", "o3", "o4"};
    private static final String[] CL100K_PREFIXES = {
        "gpt-4", "gpt-3.5", "davinci-002", "babbage-002", "text-embedding-ada-002", "text-embedding-3"};

    private final String wireName;

    TokenEncoding(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name tiktoken uses.
     *
     * @return for example {@code o200k_base}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The number of tokens of a text in this encoding, counted as tiktoken's {@code encode} counts ordinary text
     * (special tokens such as {@code <|endoftext|>} count as the characters they are written with). The encoding
     * is loaded on first use and shared; thread-safe.
     *
     * @param text the text; never null
     * @return the number of tokens
     */
    public int countTokens(String text) {
        return TiktokenCounter.of(this).countTokens(Objects.requireNonNull(text, "text"));
    }

    /**
     * The encoding of a model, resolved from its base model name. Fine-tuned OpenAI names and Azure names are
     * mapped to their base first, so {@code ft:gpt-4.1-mini-2025-04-14:org::x} is {@code o200k_base} (tiktoken's own
     * prefix table would wrongly say {@code cl100k_base}).
     *
     * @param model a model name; never null
     * @return the encoding, or empty if the name is not known
     */
    public static Optional<TokenEncoding> forModel(String model) {
        String base = baseModelName(model);
        for (String prefix : O200K_PREFIXES) {
            if (base.startsWith(prefix)) {
                return Optional.of(O200K_BASE);
            }
        }
        for (String prefix : CL100K_PREFIXES) {
            if (base.startsWith(prefix)) {
                return Optional.of(CL100K_BASE);
            }
        }
        return Optional.empty();
    }

    /**
     * The base model of a model name, lower-cased: {@code ft:<base>:<org>:<suffix>:<id>} becomes {@code <base>}, an
     * Azure fine-tune {@code <base>.ft-<id>} becomes {@code <base>}, and Azure's {@code gpt-35} spelling becomes
     * {@code gpt-3.5}.
     *
     * @param model a model name; never null
     * @return the normalised base name
     */
    public static String baseModelName(String model) {
        String name = model.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("ft:")) {
            int end = name.indexOf(':', 3);
            name = end < 0 ? name.substring(3) : name.substring(3, end);
        }
        int azureFineTune = name.indexOf(".ft-");
        if (azureFineTune > 0) {
            name = name.substring(0, azureFineTune);
        }
        if (name.startsWith("gpt-35")) {
            name = "gpt-3.5" + name.substring(6);
        }
        return name;
    }
}
