package io.github.finetune4j.core.internal.tokenizer;

/**
 * Byte-pair encoding of one piece in memory linear in the piece (4 bytes per byte) and O(n log n) time: the piece is
 * a linked list of parts, and the pair to merge next is always the one with the lowest rank, the leftmost among
 * equals, exactly as tiktoken's and Hugging Face's BPE choose it. How two parts rank is the {@link PairRanker}'s
 * business, so the same engine serves tiktoken ranks and Hugging Face merge lists.
 *
 * <p>Layout: one {@code int} per byte holds, at the first byte of each part, the part's length (high 8 bits) and the
 * rank of merging it with the next part (low 24 bits); other bytes hold length 0. A part's predecessor is found by
 * stepping back over length-0 bytes (at most the longest token). The lowest rank is found through a tournament
 * tree over blocks of 64 bytes whose leaves are lower bounds of their block's ranks: a rank that rises (the common
 * case after a merge) leaves the tree alone, and a leaf is corrected only when the search reaches it. This keeps
 * the work per merge small and local instead of a heap operation on a structure as large as the piece.
 *
 * <p>Stateless; each call allocates its own arrays, so calls on different threads do not interfere.
 */
public final class PriorityBpe {
    /** The rank of a pair that cannot be merged; ranks must be below it (24 bits). */
    public static final int NONE = 0xFFFFFF;
    /** The longest part (token) the layout can hold, in bytes. */
    public static final int MAX_PART_BYTES = 0xFF;
    /** Returned instead of a count when the budget ran out. */
    public static final int OVER_BUDGET = -1;

    private static final int RANK = 0xFFFFFF;
    private static final int LENGTH_SHIFT = 24;
    private static final int BLOCK_SHIFT = 6;
    private static final int CHECK_EVERY = 1 << 15;

    private PriorityBpe() {
    }

    /**
     * Counts the tokens that the bytes {@code text[from, to)}, one pre-tokenized piece, encode to.
     *
     * @param text the bytes
     * @param from the first byte of the piece
     * @param to the end of the piece, exclusive
     * @param ranker how parts merge
     * @param budget asked every few thousand merges
     * @return the number of tokens, or {@link #OVER_BUDGET}
     */
    static int count(byte[] text, int from, int to, PairRanker ranker, WorkBudget budget) {
        int n = to - from;
        if (n <= 1) {
            return n;
        }
        int[] cell = new int[n];
        int blocks = ((n - 1) >>> BLOCK_SHIFT) + 1;
        int size = Integer.highestOneBit(blocks) == blocks ? blocks : Integer.highestOneBit(blocks) << 1;
        int[] tree = new int[2 * size];
        java.util.Arrays.fill(tree, NONE);
        for (int i = 0; i < n - 1; i++) {
            int r = ranker.rank(text, from + i, from + i + 1, from + i + 2);
            cell[i] = 1 << LENGTH_SHIFT | r;
            int leaf = size + (i >>> BLOCK_SHIFT);
            if (r < tree[leaf]) {
                tree[leaf] = r;
            }
        }
        cell[n - 1] = 1 << LENGTH_SHIFT | NONE;
        for (int node = size - 1; node >= 1; node--) {
            tree[node] = Math.min(tree[2 * node], tree[2 * node + 1]);
        }
        int parts = n;
        int steps = 0;
        while (true) {
            int min = tree[1];
            if (min == NONE) {
                return parts;
            }
            int node = 1;
            while (node < size) {
                node <<= 1;
                if (tree[node] != min) {
                    node++;
                }
            }
            int start = (node - size) << BLOCK_SHIFT;
            int end = Math.min(n, start + (1 << BLOCK_SHIFT));
            int best = NONE;
            int at = -1;
            for (int i = start; i < end; i++) {
                int r = cell[i] & RANK;
                if (r < best) {
                    best = r;
                    at = i;
                }
            }
            if (best != min) {
                raise(tree, node, best);
                continue;
            }
            int left = cell[at] >>> LENGTH_SHIFT;
            int right = at + left;
            int merged = left + (cell[right] >>> LENGTH_SHIFT);
            cell[right] = NONE;
            int next = at + merged;
            int r = next < n ? ranker.rank(text, from + at, from + next, from + next + (cell[next] >>> LENGTH_SHIFT))
                    : NONE;
            cell[at] = merged << LENGTH_SHIFT | r;
            lower(tree, size + (at >>> BLOCK_SHIFT), r);
            if (at > 0) {
                int previous = at - 1;
                while (cell[previous] >>> LENGTH_SHIFT == 0) {
                    previous--;
                }
                int rp = ranker.rank(text, from + previous, from + at, from + next);
                cell[previous] = (cell[previous] & ~RANK) | rp;
                lower(tree, size + (previous >>> BLOCK_SHIFT), rp);
            }
            parts--;
            if (++steps == CHECK_EVERY) {
                steps = 0;
                if (budget.exhausted()) {
                    return OVER_BUDGET;
                }
            }
        }
    }

    /** A leaf's bound was too low: set it to the block's true minimum and recompute its ancestors. */
    private static void raise(int[] tree, int node, int value) {
        tree[node] = value;
        for (node >>>= 1; node >= 1; node >>>= 1) {
            int m = Math.min(tree[2 * node], tree[2 * node + 1]);
            if (tree[node] == m) {
                return;
            }
            tree[node] = m;
        }
    }

    /** A rank in the leaf's block fell to {@code value}: lower the bounds on the way to the root. */
    private static void lower(int[] tree, int leaf, int value) {
        for (int node = leaf; node >= 1 && tree[node] > value; node >>>= 1) {
            tree[node] = value;
        }
    }
}
