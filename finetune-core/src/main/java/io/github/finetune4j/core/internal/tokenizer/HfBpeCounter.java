package io.github.finetune4j.core.internal.tokenizer;

import io.github.finetune4j.core.preflight.HuggingFaceTokenizer;

import java.util.List;
import java.util.Optional;

/**
 * Counts tokens as a Hugging Face byte-level BPE tokenizer encodes ordinary text without a template: added tokens
 * split out first (one token each), the rest normalized, cut by the pre-tokenizer, and each piece merged by
 * {@link PriorityBpe} with the model's merge ranks. Immutable and thread-safe.
 */
final class HfBpeCounter implements TokenCounter, HuggingFaceTokenizer {
    private final String name;
    private final AddedTokens added;
    private final HfNormalizer normalizer;
    private final HfPreTokenizer preTokenizer;
    private final HfBpeModel model;
    private final String sha256;
    private final Optional<String> modelId;

    HfBpeCounter(String name, AddedTokens added, HfNormalizer normalizer, HfPreTokenizer preTokenizer,
                 HfBpeModel model) {
        this(name, added, normalizer, preTokenizer, model, "", Optional.empty());
    }

    private HfBpeCounter(String name, AddedTokens added, HfNormalizer normalizer, HfPreTokenizer preTokenizer,
                         HfBpeModel model, String sha256, Optional<String> modelId) {
        this.name = name;
        this.added = added;
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.model = model;
        this.sha256 = sha256;
        this.modelId = modelId;
    }

    /** The same tokenizer, remembering the file it was read from. */
    HfBpeCounter withSource(String fileSha256, Optional<String> hubModel) {
        return new HfBpeCounter(name, added, normalizer, preTokenizer, model, fileSha256, hubModel);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public Optional<String> modelId() {
        return modelId;
    }

    /** The contents of the special added tokens, which training text must not hold. */
    @Override
    public List<String> specialTokens() {
        return added.special();
    }

    @Override
    public int countTokens(String text) {
        return count(text, WorkBudget.UNLIMITED);
    }

    @Override
    public String toString() {
        return "HuggingFaceTokenizer[" + name + (sha256.isEmpty() ? "" : ", sha256 " + sha256.substring(0, 12))
                + "]";
    }

    @Override
    public int count(String text, WorkBudget budget) {
        int[] total = {0};
        boolean finished = added.splitRaw(text, (part, isAdded) -> {
            if (isAdded) {
                total[0]++;
                return true;
            }
            String normalized = normalizer.apply(part);
            return added.splitNormalized(normalized, (inner, innerAdded) -> {
                if (innerAdded) {
                    total[0]++;
                    return true;
                }
                List<String> pieces = preTokenizer.pieces(inner);
                for (int i = 0; i < pieces.size(); i++) {
                    String piece = pieces.get(i);
                    int tokens = model.count(Utf8Bytes.encode(piece, 0, piece.length()), budget);
                    if (tokens < 0 || ((i & 0x3FF) == 0x3FF && budget.exhausted())) {
                        return false;
                    }
                    total[0] += tokens;
                }
                return true;
            });
        });
        return finished ? total[0] : PriorityBpe.OVER_BUDGET;
    }
}
