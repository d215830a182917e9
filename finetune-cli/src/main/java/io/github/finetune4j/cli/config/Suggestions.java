package io.github.finetune4j.cli.config;

import java.util.Set;

/** "Did you mean ...?" for a misspelt setting: the known key at the smallest edit distance, if close enough. */
final class Suggestions {
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {
    }

    static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance || d == bestDistance && best != null && candidate.compareTo(best) < 0) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= MAX_DISTANCE ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
