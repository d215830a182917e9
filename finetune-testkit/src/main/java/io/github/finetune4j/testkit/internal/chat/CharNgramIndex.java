package io.github.finetune4j.testkit.internal.chat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nearest-neighbour retrieval over question/answer pairs. Each text becomes a vector of character n-grams (3 to 5
 * characters, within words, as scikit-learn's {@code char_wb} analyzer) of its content words (German and English
 * function words left out, see {@link StopWords}), with sublinear TF and smoothed IDF. A query scores
 * {@value #QUESTION_WEIGHT} times its cosine with a question plus {@value #ANSWER_WEIGHT} times its cosine with
 * that question's answer, so that words of the answer ("Pfeifen" for "Mein Staubsauger pfeift") help where the
 * question alone is ambiguous. A query equal to a question (ignoring case, punctuation and spacing) always gets
 * that question's answer. The best score wins; ties go to the earlier pair. Deterministic and immutable;
 * thread-safe.
 *
 * <p>This is how the emulator's fine-tuned models "answer": they return the answer of the most similar training
 * example. It is an emulation, not a language model: it knows no synonyms, no other language and no world
 * knowledge, only shared word pieces.
 */
public final class CharNgramIndex {

    /** The weight of the similarity to the question. */
    static final double QUESTION_WEIGHT = 0.5;

    /** The weight of the similarity to the answer. */
    static final double ANSWER_WEIGHT = 0.5;

    private static final int MIN_N = 3;
    private static final int MAX_N = 5;

    /**
     * The best match for a query.
     *
     * @param index the position of the matched pair
     * @param answer the answer stored with it
     * @param score the combined similarity, 0 to 1
     */
    public record Match(int index, String answer, double score) {
    }

    private final List<String> normalizedQuestions;
    private final Vectors questions;
    private final Vectors answerTexts;
    private final List<String> answers;

    private CharNgramIndex(List<String> normalizedQuestions, Vectors questions, Vectors answerTexts,
                           List<String> answers) {
        this.normalizedQuestions = normalizedQuestions;
        this.questions = questions;
        this.answerTexts = answerTexts;
        this.answers = answers;
    }

    /**
     * Builds an index.
     *
     * @param documents the questions to match against, e.g. the user turns of training examples
     * @param answers the answer for each question, same size
     * @return the index
     * @throws IllegalArgumentException if the lists differ in size
     */
    public static CharNgramIndex build(List<String> documents, List<String> answers) {
        if (documents.size() != answers.size()) {
            throw new IllegalArgumentException("documents and answers differ in size");
        }
        List<String> normalized = new ArrayList<>();
        documents.forEach(d -> normalized.add(normalize(d)));
        return new CharNgramIndex(List.copyOf(normalized), Vectors.of(documents), Vectors.of(answers),
                List.copyOf(answers));
    }

    /**
     * Tells whether the index has no documents.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return answers.isEmpty();
    }

    /**
     * Finds the pair most similar to a query.
     *
     * @param query the query text
     * @return the best match
     * @throws IllegalStateException if the index is empty
     */
    public Match best(String query) {
        if (answers.isEmpty()) {
            throw new IllegalStateException("empty index");
        }
        int exact = normalizedQuestions.indexOf(normalize(query));
        if (exact >= 0 && !normalizedQuestions.get(exact).isEmpty()) {
            return new Match(exact, answers.get(exact), 1.0);
        }
        Map<String, Integer> grams = contentNgrams(query);
        double[] byQuestion = questions.similarities(grams);
        double[] byAnswer = answerTexts.similarities(grams);
        int bestIndex = 0;
        double bestScore = -1;
        for (int i = 0; i < byQuestion.length; i++) {
            double score = QUESTION_WEIGHT * byQuestion[i] + ANSWER_WEIGHT * byAnswer[i];
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestIndex = i;
            }
        }
        return new Match(bestIndex, answers.get(bestIndex), Math.max(0, bestScore));
    }

    /** Counts the character n-grams of every word, each padded with one space on both sides. */
    static Map<String, Integer> ngrams(String text) {
        return ngrams(words(text), false);
    }

    /** Like {@link #ngrams(String)}, without function words; all words when nothing else is left. */
    static Map<String, Integer> contentNgrams(String text) {
        List<String> words = words(text);
        Map<String, Integer> grams = ngrams(words, true);
        return grams.isEmpty() ? ngrams(words, false) : grams;
    }

    private static Map<String, Integer> ngrams(List<String> words, boolean skipStopWords) {
        Map<String, Integer> grams = new HashMap<>();
        for (String word : words) {
            if (skipStopWords && StopWords.contains(word)) {
                continue;
            }
            String padded = " " + word + " ";
            for (int size = MIN_N; size <= MAX_N; size++) {
                for (int i = 0; i + size <= padded.length(); i++) {
                    grams.merge(padded.substring(i, i + size), 1, Integer::sum);
                }
            }
        }
        return grams;
    }

    private static List<String> words(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** TF-IDF vectors of a list of texts, with the IDF of that list. */
    private static final class Vectors {
        private final List<Map<String, Double>> vectors;
        private final Map<String, Double> idf;

        private Vectors(List<Map<String, Double>> vectors, Map<String, Double> idf) {
            this.vectors = vectors;
            this.idf = idf;
        }

        static Vectors of(List<String> texts) {
            List<Map<String, Integer>> counts = new ArrayList<>();
            Map<String, Integer> documentFrequency = new HashMap<>();
            for (String text : texts) {
                Map<String, Integer> grams = contentNgrams(text);
                counts.add(grams);
                grams.keySet().forEach(g -> documentFrequency.merge(g, 1, Integer::sum));
            }
            int n = texts.size();
            Map<String, Double> idf = new HashMap<>();
            documentFrequency.forEach((gram, df) -> idf.put(gram, Math.log((1.0 + n) / (1.0 + df)) + 1.0));
            List<Map<String, Double>> vectors = new ArrayList<>();
            for (Map<String, Integer> grams : counts) {
                vectors.add(weigh(grams, idf));
            }
            return new Vectors(List.copyOf(vectors), Map.copyOf(idf));
        }

        double[] similarities(Map<String, Integer> queryGrams) {
            Map<String, Double> query = weigh(queryGrams, idf);
            double[] out = new double[vectors.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dot(query, vectors.get(i));
            }
            return out;
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
}
