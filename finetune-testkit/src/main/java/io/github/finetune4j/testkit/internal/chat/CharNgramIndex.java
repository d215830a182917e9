package io.github.finetune4j.testkit.internal.chat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nearest-neighbour retrieval over short texts: character n-grams (3 to 5 characters, within words, as
 * scikit-learn's {@code char_wb} analyzer), sublinear TF, smoothed IDF, cosine similarity. The best match wins;
 * ties go to the earlier document. Deterministic and immutable; thread-safe.
 *
 * <p>This is how the emulator's fine-tuned models "answer": they return the answer of the training question
 * most similar to the user's question. It is an emulation, not a language model.
 */
public final class CharNgramIndex {

    private static final int MIN_N = 3;
    private static final int MAX_N = 5;

    /**
     * The best match for a query.
     *
     * @param index the position of the matched document
     * @param answer the answer stored with it
     * @param score the cosine similarity, 0 to 1
     */
    public record Match(int index, String answer, double score) {
    }

    private final List<Map<String, Double>> vectors;
    private final List<String> answers;
    private final Map<String, Double> idf;

    private CharNgramIndex(List<Map<String, Double>> vectors, List<String> answers, Map<String, Double> idf) {
        this.vectors = vectors;
        this.answers = answers;
        this.idf = idf;
    }

    /**
     * Builds an index.
     *
     * @param documents the texts to match against, e.g. the user turns of training examples
     * @param answers the answer for each document, same size
     * @return the index
     * @throws IllegalArgumentException if the lists differ in size
     */
    public static CharNgramIndex build(List<String> documents, List<String> answers) {
        if (documents.size() != answers.size()) {
            throw new IllegalArgumentException("documents and answers differ in size");
        }
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String document : documents) {
            Map<String, Integer> grams = ngrams(document);
            counts.add(grams);
            grams.keySet().forEach(g -> documentFrequency.merge(g, 1, Integer::sum));
        }
        int n = documents.size();
        Map<String, Double> idf = new HashMap<>();
        documentFrequency.forEach((gram, df) -> idf.put(gram, Math.log((1.0 + n) / (1.0 + df)) + 1.0));
        List<Map<String, Double>> vectors = new ArrayList<>();
        for (Map<String, Integer> grams : counts) {
            vectors.add(weigh(grams, idf));
        }
        return new CharNgramIndex(List.copyOf(vectors), List.copyOf(answers), Map.copyOf(idf));
    }

    /**
     * Tells whether the index has no documents.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return vectors.isEmpty();
    }

    /**
     * Finds the document most similar to a query.
     *
     * @param query the query text
     * @return the best match
     * @throws IllegalStateException if the index is empty
     */
    public Match best(String query) {
        if (vectors.isEmpty()) {
            throw new IllegalStateException("empty index");
        }
        Map<String, Double> q = weigh(ngrams(query), idf);
        int bestIndex = 0;
        double bestScore = -1;
        for (int i = 0; i < vectors.size(); i++) {
            double score = dot(q, vectors.get(i));
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestIndex = i;
            }
        }
        return new Match(bestIndex, answers.get(bestIndex), Math.max(0, bestScore));
    }

    /** Counts character n-grams of each word padded with one space on both sides. */
    static Map<String, Integer> ngrams(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        Map<String, Integer> grams = new HashMap<>();
        if (normalized.isEmpty()) {
            return grams;
        }
        for (String word : normalized.split(" ")) {
            String padded = " " + word + " ";
            for (int size = MIN_N; size <= MAX_N; size++) {
                for (int i = 0; i + size <= padded.length(); i++) {
                    grams.merge(padded.substring(i, i + size), 1, Integer::sum);
                }
            }
        }
        return grams;
    }

    private static Map<String, Double> weigh(Map<String, Integer> grams, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> entry : grams.entrySet()) {
            Double weight = idf.get(entry.getKey());
            if (weight == null) {
                continue;
            }
            double value = (1 + Math.log(entry.getValue())) * weight;
            vector.put(entry.getKey(), value);
            norm += value * value;
        }
        if (norm > 0) {
            double length = Math.sqrt(norm);
            vector.replaceAll((k, v) -> v / length);
        }
        return vector;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }
}
