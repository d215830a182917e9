package io.github.finetune4j.core.internal.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityBpeTest {
    private static final String ALPHABET = "xX=  -ab.\u00e9\u4e2d😀0";

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void mergesEveryPieceAsTheQuadraticReferenceDoes(String encoding) {
        TiktokenRanks ranks = TiktokenRanks.load(encoding);
        ReferenceBpe.Ranks reference = ReferenceBpe.tiktoken(encoding);
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 400; round++) {
            byte[] piece = randomPiece(random, 1 + random.nextInt(round < 300 ? 40 : 400));

            int count = PriorityBpe.count(piece, 0, piece.length, ranks, WorkBudget.UNLIMITED);

            assertThat(count).as("piece %s", new String(piece, StandardCharsets.UTF_8))
                    .isEqualTo(ReferenceBpe.encode(piece, reference).size());
        }
    }

    @Test
    void breaksTiesLeftmostFirstWithAnyRanker() {
        // a toy merge list: "ab" first, then "bc", then "abc" ... ties decided by position
        Map<String, Integer> merges = new HashMap<>();
        merges.put("a+b", 0);
        merges.put("b+c", 0);
        merges.put("ab+c", 1);
        merges.put("c+c", 2);
        merges.put("ab+ab", 3);
        PairRanker ranker = (t, start, mid, end) -> merges.getOrDefault(
                new String(t, start, mid - start, StandardCharsets.US_ASCII) + "+"
                        + new String(t, mid, end - mid, StandardCharsets.US_ASCII), PairRanker.NONE);
        ReferenceBpe.Ranks reference = (l, r) -> merges.getOrDefault(new String(l, StandardCharsets.US_ASCII) + "+"
                + new String(r, StandardCharsets.US_ASCII), Integer.MAX_VALUE);
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int i = 0; i < length; i++) {
                sb.append("abc".charAt(random.nextInt(3)));
            }
            byte[] piece = sb.toString().getBytes(StandardCharsets.US_ASCII);

            assertThat(PriorityBpe.count(piece, 0, piece.length, ranker, WorkBudget.UNLIMITED)).as(sb.toString())
                    .isEqualTo(ReferenceBpe.encode(piece, reference).size());
        }
    }

    @Test
    void countsOnlyTheGivenRangeOfTheArray() {
        TiktokenRanks ranks = TiktokenRanks.load("o200k_base");
        byte[] text = ("qq" + "=".repeat(1000) + "zz").getBytes(StandardCharsets.US_ASCII);

        assertThat(PriorityBpe.count(text, 2, 1002, ranks, WorkBudget.UNLIMITED))
                .isEqualTo(PriorityBpe.count("=".repeat(1000).getBytes(StandardCharsets.US_ASCII), 0, 1000, ranks,
                        WorkBudget.UNLIMITED));
    }

    @Test
    void stopsWhenTheBudgetRunsOut() {
        TiktokenRanks ranks = TiktokenRanks.load("o200k_base");
        byte[] run = " ".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);

        assertThat(PriorityBpe.count(run, 0, run.length, ranks, () -> true)).isEqualTo(PriorityBpe.OVER_BUDGET);
    }

    private static byte[] randomPiece(SplittableRandom random, int chars) {
        StringBuilder sb = new StringBuilder();
        int runOf = random.nextInt(ALPHABET.length());
        for (int i = 0; i < chars; i++) {
            int c = random.nextInt(4) == 0 ? random.nextInt(ALPHABET.length()) : runOf;
            sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    Math.min(c, ALPHABET.codePointCount(0, ALPHABET.length()) - 1))));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
