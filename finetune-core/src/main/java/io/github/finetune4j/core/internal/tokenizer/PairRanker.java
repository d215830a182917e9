package io.github.finetune4j.core.internal.tokenizer;

/**
 * Says how two adjacent parts of a piece rank when merged: the one thing in which byte-pair encodings differ. For
 * tiktoken it is the rank of the concatenated bytes; for a Hugging Face BPE model, the position of the pair in the
 * merge list. Implementations are immutable and thread-safe.
 */
interface PairRanker {
    /** The rank of a pair that cannot be merged. */
    int NONE = PriorityBpe.NONE;

    /**
     * The rank of merging the part {@code [start, mid)} with the part {@code [mid, end)} of {@code text}.
     *
     * @param text the bytes of the piece
     * @param start the first byte of the left part
     * @param mid the first byte of the right part
     * @param end the end of the right part, exclusive
     * @return the rank, lower merges first, below {@link #NONE}; or {@link #NONE} if the parts do not merge
     */
    int rank(byte[] text, int start, int mid, int end);
}
