package io.github.finetune4j.core.preflight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small valid datasets for the pre-flight tests. */
final class PreflightTestData {
    private PreflightTestData() {
    }

    static String line(int i, String userText) {
        return "{\"messages\":[{\"role\":\"system\",\"content\":\"Du bist der T-1000-Kundenservice.\"},"
                + "{\"role\":\"user\",\"content\":\"" + userText + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"Antwort " + i + ": Bitte prüfen Sie den Filter.\"}]}";
    }

    static Path write(Path dir, String name, int examples) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            lines.add(line(i, "Frage " + i + ": Warum saugt mein T-1000 nicht?"));
        }
        return write(dir, name, lines);
    }

    static Path write(Path dir, String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static ValidationOptions.Builder options() {
        return ValidationOptions.builder().baseModel("gpt-4o-mini-2024-07-18");
    }
}
