package io.github.finetune4j.eval.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Text similarity metrics between an answer and a reference; all results are in [0, 1]. Stateless. */
public final class TextMetrics {
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextMetrics() {
    }

    /**
     * Normalises text for comparison: Unicode NFKC, lower case, punctuation and symbols replaced by spaces, runs of
     * white space collapsed, trimmed.
     *
     * @param text the text
     * @return the normalised text
     */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = PUNCTUATION.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /**
     * The normalised words of a text.
     *
     * @param text the text
     * @return the words, possibly none
     */
    public static List<String> tokens(String text) {
        String s = normalize(text);
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    /**
     * 1 when both texts are equal after {@link #normalize(String)}, else 0.
     *
     * @param answer the answer
     * @param reference the reference
     * @return 1 or 0
     */
    public static double exactMatch(String answer, String reference) {
        return normalize(answer).equals(normalize(reference)) ? 1 : 0;
    }

    /**
     * Token-level F1 (as in SQuAD): the harmonic mean of precision and recall of the answer's normalised words
     * against the reference's, counting repeated words as often as they occur in both. Two empty texts score 1.
     *
     * @param answer the answer
     * @param reference the reference
     * @return the F1 score
     */
    public static double tokenF1(String answer, String reference) {
        List<String> a = tokens(answer);
        List<String> r = tokens(reference);
        if (a.isEmpty() || r.isEmpty()) {
            return a.isEmpty() && r.isEmpty() ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        r.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : a) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                common++;
                counts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / a.size();
        double recall = (double) common / r.size();
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * The character n-gram F-score chrF (Popović 2015, as computed by sacreBLEU): white space removed, character
     * n-grams of orders 1 to {@code maxOrder} counted, precision and recall averaged over the orders both texts
     * have, then combined as F-beta. Case-sensitive, like sacreBLEU's default. Two empty texts score 1.
     *
     * @param answer the hypothesis
     * @param reference the reference
     * @param maxOrder the largest n-gram order, usually 6
     * @param beta the weight of recall over precision, usually 2
     * @return the score
     */
    public static double chrF(String answer, String reference, int maxOrder, double beta) {
        String h = SPACES.matcher(answer).replaceAll("");
        String r = SPACES.matcher(reference).replaceAll("");
        if (h.isEmpty() || r.isEmpty()) {
            return h.isEmpty() && r.isEmpty() ? 1 : 0;
        }
        int[] hc = h.codePoints().toArray();
        int[] rc = r.codePoints().toArray();
        double precision = 0;
        double recall = 0;
        int orders = 0;
        for (int n = 1; n <= maxOrder; n++) {
            Map<String, Integer> hyp = ngrams(hc, n);
            Map<String, Integer> ref = ngrams(rc, n);
            int hypTotal = hc.length - n + 1;
            int refTotal = rc.length - n + 1;
            if (hypTotal <= 0 || refTotal <= 0) {
                continue;
            }
            int matches = 0;
            for (Map.Entry<String, Integer> e : hyp.entrySet()) {
                matches += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
            }
            precision += (double) matches / hypTotal;
            recall += (double) matches / refTotal;
            orders++;
        }
        precision /= orders;
        recall /= orders;
        if (precision + recall == 0) {
            return 0;
        }
        double b2 = beta * beta;
        return (1 + b2) * precision * recall / (b2 * precision + recall);
    }

    private static Map<String, Integer> ngrams(int[] codePoints, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= codePoints.length; i++) {
            out.merge(new String(codePoints, i, n), 1, Integer::sum);
        }
        return out;
    }
}
