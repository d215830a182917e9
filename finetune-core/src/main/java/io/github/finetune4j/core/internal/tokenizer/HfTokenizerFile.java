package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Hugging Face {@code tokenizer.json} of a byte-level BPE model (Llama 3.x, Qwen 2.5/3, Mistral Nemo, GPT-2
 * style) into an {@link HfBpeCounter}. The vocabulary and merges (about 300,000 entries) are streamed into compact
 * tables rather than built as a JSON tree. Merges may be written as {@code "a b"} strings or {@code ["a", "b"]}
 * arrays. Whatever this reader does not implement (WordPiece or Unigram models, SentencePiece-style BPE with
 * {@code byte_fallback}, other normalizers and pre-tokenizers) is refused with a message naming it, never counted
 * approximately.
 */
final class HfTokenizerFile {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build()).build());

    private HfTokenizerFile() {
    }

    /**
     * Reads a {@code tokenizer.json}.
     *
     * @param in the file's content; not closed
     * @param name the name reports use for the tokenizer
     * @return the counter
     * @throws IOException if the JSON cannot be read
     * @throws IllegalArgumentException if the tokenizer is not a byte-level BPE tokenizer this reader implements
     */
    static HfBpeCounter read(InputStream in, String name) throws IOException {
        JsonNode added = null;
        JsonNode normalizer = null;
        JsonNode preTokenizer = null;
        HfBpeModel model = null;
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            p.setCodec(MAPPER);
            expect(p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "added_tokens":
                        added = p.readValueAsTree();
                        break;
                    case "normalizer":
                        normalizer = p.readValueAsTree();
                        break;
                    case "pre_tokenizer":
                        preTokenizer = p.readValueAsTree();
                        break;
                    case "model":
                        model = model(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("the file has no \"model\"");
        }
        return new HfBpeCounter(name, AddedTokens.of(added), HfNormalizer.of(normalizer),
                HfPreTokenizer.of(preTokenizer), model);
    }

    private static HfBpeModel model(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "\"model\" to be an object");
        String type = null;
        ByteTable vocabulary = null;
        List<String[]> pendingMerges = new ArrayList<>();
        PairTable.Builder merges = null;
        int mergeCount = 0;
        boolean ignoreMerges = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "type":
                    type = p.getText();
                    break;
                case "vocab":
                    vocabulary = vocabulary(p);
                    merges = new PairTable.Builder(Math.max(1024, vocabulary.size()));
                    for (String[] pair : pendingMerges) {
                        merge(vocabulary, merges, pair, mergeCount++);
                    }
                    pendingMerges = null;
                    break;
                case "merges":
                    expect(value, JsonToken.START_ARRAY, "\"merges\" to be an array");
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String[] pair = pair(p);
                        if (vocabulary == null) {
                            pendingMerges.add(pair);
                        } else {
                            merge(vocabulary, merges, pair, mergeCount++);
                        }
                    }
                    break;
                case "ignore_merges":
                    ignoreMerges = p.getValueAsBoolean();
                    break;
                case "byte_fallback":
                    if (p.getValueAsBoolean()) {
                        throw new IllegalArgumentException("the BPE model uses byte_fallback (SentencePiece style, as"
                                + " Llama 2 and Mistral 7B do); only byte-level BPE tokenizers are supported");
                    }
                    break;
                case "dropout":
                    if (value != JsonToken.VALUE_NULL && p.getValueAsDouble() > 0) {
                        throw new IllegalArgumentException("BPE dropout makes counts random; it is not supported");
                    }
                    break;
                case "continuing_subword_prefix":
                case "end_of_word_suffix":
                    if (value != JsonToken.VALUE_NULL && !p.getText().isEmpty()) {
                        throw new IllegalArgumentException("\"" + field + "\" is not supported for byte-level BPE");
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (!"BPE".equals(type)) {
            throw new IllegalArgumentException("the model is " + (type == null ? "untyped" : type)
                    + "; only byte-level BPE models are supported");
        }
        if (vocabulary == null) {
            throw new IllegalArgumentException("the BPE model has no \"vocab\"");
        }
        byte[] one = new byte[1];
        for (int b = 0; b < 256; b++) {
            one[0] = (byte) b;
            if (vocabulary.get(one, 0, 1) < 0) {
                throw new IllegalArgumentException("the vocabulary lacks the byte 0x" + Integer.toHexString(b)
                        + ", so it is not a byte-level BPE vocabulary");
            }
        }
        return new HfBpeModel(vocabulary, merges.build(), ignoreMerges);
    }

    private static ByteTable vocabulary(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "\"vocab\" to be an object");
        ByteTable.Builder table = ByteTable.builder(1 << 17);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String token = p.currentName();
            p.nextToken();
            int id = p.getIntValue();
            byte[] bytes = ByteLevel.decode(token);
            if (bytes == null) {
                throw new IllegalArgumentException("the vocabulary entry " + quote(token) + " is not written in the"
                        + " byte-level alphabet, so this is not a byte-level BPE tokenizer");
            }
            if (bytes.length > PriorityBpe.MAX_PART_BYTES) {
                throw new IllegalArgumentException("the vocabulary entry " + quote(token) + " is " + bytes.length
                        + " bytes long; at most " + PriorityBpe.MAX_PART_BYTES + " are supported");
            }
            table.put(bytes, id);
        }
        return table.build();
    }

    private static String[] pair(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String merge = p.getText();
            int space = merge.indexOf(' ');
            if (space <= 0 || space == merge.length() - 1 || merge.indexOf(' ', space + 1) >= 0) {
                throw new IllegalArgumentException("the merge " + quote(merge) + " is not two tokens separated by"
                        + " one space");
            }
            return new String[] {merge.substring(0, space), merge.substring(space + 1)};
        }
        expect(p.currentToken(), JsonToken.START_ARRAY, "each merge to be a string or an array of two strings");
        String[] pair = new String[2];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n < 2) {
                pair[n] = p.getText();
            }
            n++;
        }
        if (n != 2) {
            throw new IllegalArgumentException("a merge array holds " + n + " strings instead of 2");
        }
        return pair;
    }

    private static void merge(ByteTable vocabulary, PairTable.Builder merges, String[] pair, int rank) {
        byte[] left = ByteLevel.decode(pair[0]);
        byte[] right = ByteLevel.decode(pair[1]);
        int l = left == null ? -1 : vocabulary.get(left, 0, left.length);
        int r = right == null ? -1 : vocabulary.get(right, 0, right.length);
        if (l < 0 || r < 0) {
            throw new IllegalArgumentException("the merge " + quote(pair[0] + " " + pair[1]) + " names a token that"
                    + " is not in the vocabulary");
        }
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        if (vocabulary.get(both, 0, both.length) < 0) {
            throw new IllegalArgumentException("the merge " + quote(pair[0] + " " + pair[1]) + " makes a token that"
                    + " is not in the vocabulary");
        }
        if (rank >= PairRanker.NONE) {
            throw new IllegalArgumentException("more merges than the merge engine can rank");
        }
        merges.put(l, r, rank);
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + what + ", found " + actual);
        }
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
