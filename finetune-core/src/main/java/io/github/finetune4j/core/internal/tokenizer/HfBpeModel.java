package io.github.finetune4j.core.internal.tokenizer;

/**
 * The {@code model} of a byte-level BPE {@code tokenizer.json}: the vocabulary (bytes to id) and the merge list.
 * Two parts merge with the rank of their pair of ids in the list, as in the Hugging Face library's
 * {@code Word::merge_all}; with {@code ignore_merges} (Llama 3), a piece that is itself in the vocabulary is one
 * token without any merging. Thread-safe.
 */
final class HfBpeModel implements PairRanker {
    private final ByteTable vocabulary;
    private final PairTable merges;
    private final boolean ignoreMerges;

    HfBpeModel(ByteTable vocabulary, PairTable merges, boolean ignoreMerges) {
        this.vocabulary = vocabulary;
        this.merges = merges;
        this.ignoreMerges = ignoreMerges;
    }

    @Override
    public int rank(byte[] text, int start, int mid, int end) {
        int left = vocabulary.get(text, start, mid);
        if (left < 0) {
            return NONE;
        }
        int right = vocabulary.get(text, mid, end);
        return right < 0 ? NONE : merges.rank(left, right);
    }

    /**
     * Counts the tokens of one piece.
     *
     * @param bytes the piece's UTF-8 bytes
     * @param budget asked during long merges
     * @return the tokens, or {@link PriorityBpe#OVER_BUDGET}
     */
    int count(byte[] bytes, WorkBudget budget) {
        if (bytes.length <= 1) {
            return bytes.length;
        }
        if (ignoreMerges && vocabulary.get(bytes, 0, bytes.length) >= 0) {
            return 1;
        }
        return PriorityBpe.count(bytes, 0, bytes.length, this, budget);
    }

    int vocabularySize() {
        return vocabulary.size();
    }
}
