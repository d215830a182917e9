package io.github.finetune4j.testkit.internal.chat;

import java.util.List;
import java.util.Set;

/**
 * German and English function words (articles, pronouns, auxiliaries, prepositions, question words) that carry
 * no topic. Leaving them out of the retrieval keeps "Warum ist mein T-1000 so laut?" from matching "Warum saugt
 * mein T-1000 nicht mehr richtig?" on {@code warum … mein T-1000} alone. Lower case, after NFKC normalisation.
 */
final class StopWords {

    // Set.copyOf: both lists have "an", "am", "so", "was", "will".
    private static final Set<String> WORDS = Set.copyOf(List.of(
            // German
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und",
            "oder", "aber", "ich", "du", "er", "sie", "es", "wir", "ihr", "mein", "meine", "meinen", "meinem",
            "meiner", "meines", "dein", "deine", "sein", "seine", "ist", "sind", "bin", "bist", "war", "wird",
            "werden", "kann", "können", "soll", "sollte", "muss", "darf", "will", "was", "wie", "wo", "wann",
            "warum", "wieso", "weshalb", "wer", "welche", "welches", "welcher", "mit", "für", "auf", "in", "im",
            "an", "am", "zu", "zum", "zur", "von", "vom", "bei", "nach", "aus", "über", "unter", "auch", "noch",
            "nicht", "kein", "keine", "so", "sehr", "nur", "da", "dann", "wenn", "dass", "ob", "man", "sich", "mir",
            "mich", "dir", "dich", "uns", "euch", "ihm", "ihn", "ihnen", "geht", "hat", "habe", "haben", "gibt",
            "denn", "doch", "mal", "ja", "nein", "bitte", "damit", "dieser", "diese", "dieses",
            // English
            "the", "a", "an", "and", "or", "but", "i", "you", "he", "she", "it", "we", "they", "my", "your", "his",
            "her", "its", "our", "their", "is", "are", "am", "was", "were", "be", "been", "do", "does", "did",
            "can", "could", "should", "would", "will", "shall", "may", "might", "must", "what", "how", "where",
            "when", "why", "who", "which", "with", "for", "on", "at", "to", "of", "from", "by", "about", "as",
            "not", "no", "so", "very", "just", "then", "if", "that", "this", "these", "those", "me", "us", "them",
            "there", "have", "has", "please"));

    private StopWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
