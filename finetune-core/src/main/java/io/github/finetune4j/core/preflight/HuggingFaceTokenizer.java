package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.internal.tokenizer.HuggingFaceTokenizers;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The tokenizer of an open model, read from its Hugging Face {@code tokenizer.json}, counting exactly as the Hugging
 * Face library does. Byte-level BPE tokenizers are supported, as Llama 3.x, Qwen 2.5 and 3, Mistral Nemo and
 * GPT-2-style models use them: NFC (and the other Unicode) normalizers, {@code Split} and {@code ByteLevel}
 * pre-tokenizers, merges in either file format, and added tokens, which are split out of the text as one token
 * each. Other tokenizers (SentencePiece-style BPE with byte fallback, WordPiece, Unigram) are refused with a message
 * that names what is missing; nothing is counted approximately. Pure Java, no native library.
 *
 * <pre>{@code
 * HuggingFaceTokenizer qwen = HuggingFaceTokenizer.fromFile(Path.of("Qwen3-8B/tokenizer.json"));
 * ValidationReport report = Dataset.fromJsonl(Path.of("train.jsonl")).validate(ValidationOptions.builder()
 *         .baseModel("Qwen/Qwen3-8B").tokenizer(qwen).build());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; reading a file takes about a second and 10 MB of heap for a
 * vocabulary of 150,000 tokens.
 */
public interface HuggingFaceTokenizer extends Tokenizer {
    /**
     * The SHA-256 of the {@code tokenizer.json} this tokenizer was read from, in lower-case hex.
     *
     * @return the checksum
     */
    String sha256();

    /**
     * The Hub repository the file came from.
     *
     * @return {@code owner/name}, or empty for a file read with {@link #fromFile(Path)}
     */
    Optional<String> modelId();

    /**
     * Reads a {@code tokenizer.json}. Does I/O.
     *
     * @param tokenizerJson the file
     * @return the tokenizer
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not a byte-level BPE tokenizer this reader supports, with the
     *         reason
     */
    static HuggingFaceTokenizer fromFile(Path tokenizerJson) {
        return HuggingFaceTokenizers.fromFile(tokenizerJson);
    }

    /**
     * The {@code tokenizer.json} of a Hub model, downloaded once into {@code cacheDir} and read from there
     * afterwards. Does I/O; blocks while downloading.
     *
     * @param modelId the repository, {@code owner/name}
     * @param token the Hub access token (gated models such as Llama need one)
     * @param cacheDir the cache folder
     * @return the tokenizer
     * @throws io.github.finetune4j.core.error.FineTuneException if the download fails (an
     *         {@link io.github.finetune4j.core.error.ApiException} for an error status, a
     *         {@link io.github.finetune4j.core.error.ResponseFormatException} if the file does not match the
     *         checksum the Hub lists)
     * @throws java.io.UncheckedIOException if the cache cannot be written or read
     * @throws IllegalArgumentException if the file is not a supported tokenizer
     */
    static HuggingFaceTokenizer fromHub(String modelId, ApiKey token, Path cacheDir) {
        return fromHub(HubDownload.builder().modelId(modelId).token(token).cacheDir(cacheDir).build());
    }

    /**
     * The {@code tokenizer.json} of a Hub model as {@code download} describes, downloaded once and then read from
     * the cache without network access. Does I/O; blocks while downloading.
     *
     * @param download the repository, revision, token, cache folder and endpoint
     * @return the tokenizer
     * @throws io.github.finetune4j.core.error.FineTuneException if the download fails (an
     *         {@link io.github.finetune4j.core.error.ApiException} for an error status, a
     *         {@link io.github.finetune4j.core.error.ResponseFormatException} if the file does not match the
     *         checksum the Hub lists)
     * @throws java.io.UncheckedIOException if the cache cannot be written or read
     * @throws IllegalArgumentException if the file is not a supported tokenizer
     */
    static HuggingFaceTokenizer fromHub(HubDownload download) {
        return HuggingFaceTokenizers.fromHub(download);
    }
}
