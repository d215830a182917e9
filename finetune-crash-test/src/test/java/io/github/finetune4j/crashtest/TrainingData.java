package io.github.finetune4j.crashtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Training files for the tests: valid chat JSONL of a chosen size, the same bytes for the same arguments. */
final class TrainingData {
    private TrainingData() {
    }

    /**
     * Writes a chat JSONL file of at least {@code minBytes} (and at least 12 examples).
     *
     * @param file where
     * @param minBytes the smallest size wanted
     * @param variant makes the content (and so the file's digest) differ between callers
     * @return the file
     */
    static Path write(Path file, long minBytes, String variant) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            for (int i = 1; i <= 12 || written < minBytes; i++) {
                String line = "{\"messages\":[{\"role\":\"system\",\"content\":\"Du chattest jetzt mit dem Kundenservice"
                        + " für den Hochleistungs-Staubsauger T-1000 (" + variant + ").\"},{\"role\":\"user\",\"content\":"
                        + "\"Frage " + i + ": Warum saugt mein T-1000 nicht mehr richtig?\"},{\"role\":\"assistant\","
                        + "\"content\":\"Antwort " + i + ": Es könnte ein verstopfter Filter sein. Bitte überprüfen Sie"
                        + " den Filter und reinigen Sie ihn gegebenenfalls.\"}]}\n";
                out.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The lower-case hex SHA-256 of a file, streamed. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
