package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains a small byte-level BPE tokenizer the way such tokenizers are made (start from the 256 bytes, merge the most
 * frequent adjacent pair of pieces, again and again) and writes it as a Llama-3-style {@code tokenizer.json}: Llama
 * 3's pre-tokenizer pattern, {@code ignore_merges}, its special tokens. No Llama tokenizer file is available offline,
 * so this stands in for one; {@link ReferenceBpe} then counts independently of the reader.
 */
final class SyntheticTokenizer {
    /** Llama 3's pre-tokenizer pattern, as in its {@code tokenizer.json}. */
    static final String LLAMA3_PATTERN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}|"
            + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    static final String[] SPECIAL = {"<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>",
        "<|end_header_id|>", "<|eot_id|>"};
    private static final String[] WORDS = ("Staubsauger Filter Größe Straße Übung Äpfel Müller Bürste Garantie"
            + " Rücksendung vacuum filter suction nozzle brush battery charger warranty refund order delivery the a and"
            + " or but with without for over under bitte danke gerne prüfen reinigen don't we're it's I'll you've"
            + " naïve café résumé 東京 中文 😀 👍🏽 🇩🇪 ===== ----- ... ?! :) x1000 T-1000 v2.3.1 0.75 42 1999 3½"
            + " Пылесос фильтр щётка مكنسة الفلتر फ़िल्टर झाड़ू Ελληνικά σκούπα ĉu ŝranko İstanbul ǅ").split(" ");

    final List<byte[]> merges = new ArrayList<>();
    final Map<String, Integer> ranks = new HashMap<>();
    final Map<String, Integer> vocabulary = new LinkedHashMap<>();

    /**
     * Trains on generated text.
     *
     * @param mergeCount how many merges to learn
     * @param seed the text's seed
     */
    SyntheticTokenizer(int mergeCount, long seed) {
        for (int b = 0; b < 256; b++) {
            vocabulary.put(key(new byte[] {(byte) b}), b);
        }
        Map<List<String>, Integer> words = new HashMap<>();
        Pattern pattern = Pattern.compile(LLAMA3_PATTERN, Pattern.UNICODE_CHARACTER_CLASS);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 400; i++) {
            for (Matcher m = pattern.matcher(text(random, 40)); m.find(); ) {
                List<String> symbols = new ArrayList<>();
                for (byte b : m.group().getBytes(StandardCharsets.UTF_8)) {
                    symbols.add(key(new byte[] {b}));
                }
                words.merge(symbols, 1, Integer::sum);
            }
        }
        for (int r = 0; r < mergeCount; r++) {
            Map<String, Integer> pairs = new HashMap<>();
            for (Map.Entry<List<String>, Integer> w : words.entrySet()) {
                List<String> s = w.getKey();
                for (int i = 0; i + 1 < s.size(); i++) {
                    pairs.merge(s.get(i) + "\u0000" + s.get(i + 1), w.getValue(), Integer::sum);
                }
            }
            String best = pairs.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            if (best == null) {
                break;
            }
            String[] ab = best.split("\u0000", -1);
            String merged = ab[0] + ab[1];
            ranks.put(best, r);
            merges.add(bytes(ab[0]));
            merges.add(bytes(ab[1]));
            vocabulary.putIfAbsent(merged, vocabulary.size());
            Map<List<String>, Integer> next = new HashMap<>();
            for (Map.Entry<List<String>, Integer> w : words.entrySet()) {
                List<String> s = new ArrayList<>(w.getKey());
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.get(i).equals(ab[0]) && s.get(i + 1).equals(ab[1])) {
                        s.set(i, merged);
                        s.remove(i + 1);
                    }
                }
                next.merge(s, w.getValue(), Integer::sum);
            }
            words = next;
        }
    }

    /** Generated multilingual text with emoji, numbers, punctuation runs and whitespace. */
    static String text(SplittableRandom random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int k = random.nextInt(20);
            sb.append(k == 0 ? "\n" : k == 1 ? "  " : k == 2 ? "\t" : " ");
            String w = WORDS[random.nextInt(WORDS.length)];
            sb.append(random.nextInt(7) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w);
            if (random.nextInt(9) == 0) {
                sb.append(random.nextInt(100_000));
            }
        }
        return sb.toString();
    }

    /**
     * Generated text of words that are not in the training text: each joins the start of one training word to the end
     * of another (cut between code points), so that counting it takes real merging, not whole-word look-ups.
     */
    static String blendedText(SplittableRandom random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int k = random.nextInt(20);
            sb.append(k == 0 ? "\n" : k == 1 ? "  " : k == 2 ? "\t" : " ");
            int[] a = WORDS[random.nextInt(WORDS.length)].codePoints().toArray();
            int[] b = WORDS[random.nextInt(WORDS.length)].codePoints().toArray();
            int fromB = random.nextInt(b.length);
            String w = new String(a, 0, 1 + random.nextInt(a.length)) + new String(b, fromB, b.length - fromB);
            sb.append(random.nextInt(5) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w);
            if (random.nextInt(6) == 0) {
                sb.append(random.nextInt(10_000_000));
            }
        }
        return sb.toString();
    }

    /** The bytes of a vocabulary key (keys are ISO-8859-1 strings of the bytes). */
    static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The reference ranks: a pair of parts ranks as its position in the merge list. */
    ReferenceBpe.Ranks referenceRanks() {
        return (l, r) -> ranks.getOrDefault(key(l) + "\u0000" + key(r), Integer.MAX_VALUE);
    }

    /**
     * The tokenizer as a {@code tokenizer.json} document.
     *
     * @param mergesAsArrays write merges as {@code ["a", "b"]} (newer files) instead of {@code "a b"}
     * @return the JSON text
     */
    String toJson(boolean mergesAsArrays) throws Exception {
        return toJson(mergesAsArrays, merges);
    }

    /**
     * The ranks as tiktoken keeps them: every token's bytes with its id, which is the order it was learned in (the
     * 256 single bytes first). tiktoken merges the adjacent pair whose concatenation has the lowest rank.
     *
     * @return the ranks, keyed by the token's bytes
     */
    Map<byte[], Integer> tiktokenRanks() {
        Map<byte[], Integer> ranks = new HashMap<>();
        vocabulary.forEach((k, id) -> ranks.put(bytes(k), id));
        return ranks;
    }

    /**
     * The merges of a tiktoken rank table written as {@code tokenizer.json}, the way Llama 3's file was made from
     * Meta's tiktoken model: for each token, every split into two tokens, ordered by the token's rank (then by the
     * ranks of the two halves). With these merges Hugging Face's BPE encodes exactly as tiktoken does.
     *
     * @return the merges as pairs of byte strings, left then right
     */
    List<byte[]> everySplitMerges() {
        List<int[]> splits = new ArrayList<>();      // {token rank, left rank, right rank}
        vocabulary.forEach((k, id) -> {
            for (int i = 1; i < k.length(); i++) {
                Integer left = vocabulary.get(k.substring(0, i));
                Integer right = vocabulary.get(k.substring(i));
                if (left != null && right != null) {
                    splits.add(new int[] {id, left, right});
                }
            }
        });
        splits.sort(java.util.Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[1])
                .thenComparingInt(x -> x[2]));
        List<String> byId = new ArrayList<>(vocabulary.keySet());
        List<byte[]> pairs = new ArrayList<>();
        for (int[] split : splits) {
            pairs.add(bytes(byId.get(split[1])));
            pairs.add(bytes(byId.get(split[2])));
        }
        return pairs;
    }

    /**
     * The tokenizer as a {@code tokenizer.json} document with the given merges.
     *
     * @param mergesAsArrays write merges as {@code ["a", "b"]} (newer files) instead of {@code "a b"}
     * @param mergeList the merges as pairs of byte strings, left then right, highest priority first
     * @return the JSON text
     */
    String toJson(boolean mergesAsArrays, List<byte[]> mergeList) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < SPECIAL.length; i++) {
            added.addObject().put("id", vocabulary.size() + i).put("content", SPECIAL[i]).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer").put("type", "Sequence");
        ArrayNode steps = pre.putArray("pretokenizers");
        ObjectNode split = steps.addObject().put("type", "Split");
        split.putObject("pattern").put("Regex", LLAMA3_PATTERN);
        split.put("behavior", "Isolated").put("invert", false);
        steps.addObject().put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true)
                .put("use_regex", false);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE").putNull("dropout").putNull("unk_token").putNull("continuing_subword_prefix")
                .putNull("end_of_word_suffix").put("fuse_unk", false).put("byte_fallback", false)
                .put("ignore_merges", true);
        ObjectNode vocab = model.putObject("vocab");
        vocabulary.forEach((k, id) -> vocab.put(byteLevel(bytes(k)), id));
        ArrayNode list = model.putArray("merges");
        for (int i = 0; i < mergeList.size(); i += 2) {
            String a = byteLevel(mergeList.get(i));
            String b = byteLevel(mergeList.get(i + 1));
            if (mergesAsArrays) {
                list.addArray().add(a).add(b);
            } else {
                list.add(a + " " + b);
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** GPT-2's bytes-to-unicode mapping, written out independently of the reader's inverse. */
    static String byteLevel(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte value : bytes) {
            int b = value & 0xFF;
            boolean printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
            if (printable) {
                sb.append((char) b);
            } else {
                int n = 0;
                for (int x = 0; x < b; x++) {
                    boolean p = (x >= 33 && x <= 126) || (x >= 161 && x <= 172) || (x >= 174 && x <= 255);
                    if (!p) {
                        n++;
                    }
                }
                sb.append((char) (256 + n));
            }
        }
        return sb.toString();
    }
}
