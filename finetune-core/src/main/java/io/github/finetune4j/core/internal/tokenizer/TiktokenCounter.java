package io.github.finetune4j.core.internal.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.core.preflight.Tokenizer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts tokens exactly as tiktoken does, in bounded time and memory whatever the text. Ordinary text goes to jtokkit
 * whole. A text that may hold a long pre-token (a run such as 15 MB of {@code x} or of spaces, for which jtokkit's
 * merge needs gigabytes) is cut into tiktoken's pieces here: runs of ordinary pieces still go to jtokkit, and each
 * piece of at least {@link #LONG_PIECE_BYTES} bytes is merged by {@link PriorityBpe} with the encoding's ranks.
 * Cutting a text at a piece boundary does not change the pieces on either side, so the sum is tiktoken's count.
 * Thread-safe; one shared instance per encoding.
 */
public final class TiktokenCounter implements TokenCounter, Tokenizer {
    /** The special tokens OpenAI rejects in training text (a job fails after queueing when one occurs). */
    public static final List<String> SPECIAL_TOKENS = List.of("<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>",
            "<|fim_suffix|>", "<|endofprompt|>");

    /**
     * Pieces this long or longer go to {@link PriorityBpe}: from about 200 bytes on it is faster than jtokkit on runs
     * of punctuation, spaces or emoji, and it never needs more than 4 bytes per byte (measured with
     * {@code TokenizerThresholdProbe}).
     */
    static final int LONG_PIECE_BYTES = 256;

    /** The o200k_base pattern as tiktoken (and jtokkit) define it. */
    static final String O200K_PATTERN = String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+");
    /** The cl100k_base pattern as tiktoken defines it (jtokkit implements it by hand in its Cl100kParser). */
    static final String CL100K_PATTERN = String.join("|",
            "'(?i:[sdmt]|ll|ve|re)",
            "[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++",
            "\\p{N}{1,3}+",
            " ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+",
            "\\s++\\z",
            "\\s*[\\r\\n]",
            "\\s+(?!\\S)",
            "\\s");

    private final TokenEncoding encoding;
    private final Encoding jtokkit;
    private final Pattern pattern;
    private final int longPieceBytes;
    private volatile TiktokenRanks ranks;

    TiktokenCounter(TokenEncoding encoding, Encoding jtokkit, String pattern, int longPieceBytes) {
        this.encoding = encoding;
        this.jtokkit = jtokkit;
        this.pattern = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        this.longPieceBytes = longPieceBytes;
    }

    /**
     * The shared counter of an encoding; the first call loads jtokkit's encoding (about 0.5 s).
     *
     * @param encoding the encoding
     * @return the counter
     */
    public static TiktokenCounter of(TokenEncoding encoding) {
        return encoding == TokenEncoding.CL100K_BASE ? Cl100k.COUNTER : O200k.COUNTER;
    }

    /**
     * The encoding.
     *
     * @return the encoding
     */
    public TokenEncoding encoding() {
        return encoding;
    }

    /**
     * The jtokkit encoding behind this counter, for callers that need token ids of short texts.
     *
     * @return the encoding
     */
    public Encoding jtokkit() {
        return jtokkit;
    }

    @Override
    public String name() {
        return encoding.wireName();
    }

    @Override
    public int countTokens(String text) {
        return count(text, WorkBudget.UNLIMITED);
    }

    @Override
    public List<String> specialTokens() {
        return SPECIAL_TOKENS;
    }

    @Override
    public String toString() {
        return "Tokenizer[" + encoding.wireName() + "]";
    }

    @Override
    public int count(String text, WorkBudget budget) {
        if (TextRuns.longestPieceBound(text) < longPieceBytes) {
            return jtokkit.countTokensOrdinary(text);
        }
        return countPieces(text, budget);
    }

    /**
     * Counts piece by piece: consecutive ordinary pieces in one jtokkit call, long pieces with the merge engine. A run
     * handed to jtokkit must not end with a whitespace piece that precedes a long piece: inside the whole text
     * {@code \s+(?!\S)} keeps the last space of a run for the next piece, alone it would swallow it, and two
     * whitespace pieces would come back as one. Such trailing whitespace pieces are counted one by one.
     */
    private int countPieces(String text, WorkBudget budget) {
        int total = 0;
        int runStart = -1;
        int runEnd = -1;
        int[] spaces = new int[8];
        int spaceCount = 0;
        int pieces = 0;
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            int start = m.start();
            int end = m.end();
            if ((++pieces & 0x3FF) == 0 && budget.exhausted()) {
                return PriorityBpe.OVER_BUDGET;
            }
            if (3L * (end - start) < longPieceBytes || Utf8Bytes.length(text, start, end) < longPieceBytes) {
                if (runStart < 0) {
                    runStart = start;
                }
                runEnd = end;
                if (isWhitespace(text, start, end)) {
                    if (spaceCount == spaces.length) {
                        spaces = java.util.Arrays.copyOf(spaces, spaceCount * 2);
                    }
                    spaces[spaceCount++] = start;
                } else {
                    spaceCount = 0;
                }
                continue;
            }
            if (runStart >= 0) {
                int cut = spaceCount > 0 ? spaces[0] : runEnd;
                if (cut > runStart) {
                    total += jtokkit.countTokensOrdinary(text.substring(runStart, cut));
                }
                for (int i = 0; i < spaceCount; i++) {
                    total += jtokkit.countTokensOrdinary(text.substring(spaces[i],
                            i + 1 < spaceCount ? spaces[i + 1] : runEnd));
                }
                runStart = -1;
                spaceCount = 0;
            }
            byte[] bytes = Utf8Bytes.encode(text, start, end);
            int tokens = PriorityBpe.count(bytes, 0, bytes.length, ranks(), budget);
            if (tokens < 0) {
                return PriorityBpe.OVER_BUDGET;
            }
            total += tokens;
        }
        if (runStart >= 0) {
            total += jtokkit.countTokensOrdinary(text.substring(runStart, runEnd));
        }
        return total;
    }

    private static boolean isWhitespace(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!TextRuns.isWhiteSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private TiktokenRanks ranks() {
        TiktokenRanks r = ranks;
        if (r == null) {
            synchronized (this) {
                r = ranks;
                if (r == null) {
                    r = TiktokenRanks.load(encoding.wireName());
                    ranks = r;
                }
            }
        }
        return r;
    }

    private static final class Cl100k {
        static final TiktokenCounter COUNTER = new TiktokenCounter(TokenEncoding.CL100K_BASE,
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE), CL100K_PATTERN,
                LONG_PIECE_BYTES);
    }

    private static final class O200k {
        static final TiktokenCounter COUNTER = new TiktokenCounter(TokenEncoding.O200K_BASE,
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE), O200K_PATTERN,
                LONG_PIECE_BYTES);
    }
}
