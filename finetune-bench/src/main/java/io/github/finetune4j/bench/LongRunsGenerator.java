package io.github.finetune4j.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Writes the hostile corpus: examples whose assistant answer is one unbroken run of about 1 MB (a million {@code x},
 * spaces or {@code =}, a quarter of a million emoji, a base64 blob of 750 kB of random bytes), each kind in turn,
 * with ordinary examples from {@link CorpusGenerator} between them. Deterministic for a seed.
 */
final class LongRunsGenerator {
    static final int RUN_BYTES = 1_000_000;
    static final String[] KINDS = {"x", "spaces", "=", "emoji", "base64"};
    private static final int ORDINARY_BETWEEN = 20;

    private LongRunsGenerator() {
    }

    /**
     * Writes the file unless it exists already for this seed.
     *
     * @param target the file
     * @param rounds how many runs of each kind
     * @param seed the seed
     * @throws IOException if writing fails
     */
    static void ensure(Path target, int rounds, long seed) throws IOException {
        Path marker = target.resolveSibling(target.getFileName() + ".seed-" + seed + "-rounds-" + rounds);
        if (Files.exists(target) && Files.exists(marker)) {
            return;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        SplittableRandom random = new SplittableRandom(seed);
        try (JsonGenerator g = new JsonFactory().createGenerator(new BufferedOutputStream(Files.newOutputStream(temp),
                1 << 20), JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            long index = 0;
            for (int r = 0; r < rounds; r++) {
                for (String kind : KINDS) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("messages");
                    message(g, "system", CorpusGenerator.SYSTEM_PROMPT);
                    message(g, "user", "Bitte schick mir die Datei als Text (" + kind + ").");
                    message(g, "assistant", run(kind, random));
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeRaw('\n');
                    for (int i = 0; i < ORDINARY_BETWEEN; i++) {
                        CorpusGenerator.example(g, random, index++);
                        g.writeRaw('\n');
                    }
                }
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(marker, Integer.toString(rounds));
    }

    private static String run(String kind, SplittableRandom random) {
        switch (kind) {
            case "x":
                return "x".repeat(RUN_BYTES);
            case "spaces":
                return " ".repeat(RUN_BYTES);
            case "=":
                return "=".repeat(RUN_BYTES);
            case "emoji":
                return "😀".repeat(RUN_BYTES / 4);
            default:
                byte[] blob = new byte[RUN_BYTES * 3 / 4];
                random.nextBytes(blob);
                return Base64.getEncoder().encodeToString(blob);
        }
    }

    private static void message(JsonGenerator g, String role, String content) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("content", content);
        g.writeEndObject();
    }
}
