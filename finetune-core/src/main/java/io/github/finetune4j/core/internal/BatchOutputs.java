package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.spi.BatchSupport;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Collects the rows of batch output and error files by custom id; a later file's row replaces an earlier one. */
final class BatchOutputs {
    private final BatchSupport batches;
    private final Map<String, BatchChatRow> rows = new HashMap<>();

    BatchOutputs(BatchSupport batches) {
        this.batches = batches;
    }

    void add(byte[] content) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    BatchChatRow row = batches.batchOutputLine(line);
                    rows.put(row.customId(), row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // cannot happen for an in-memory stream
        }
    }

    Map<String, BatchChatRow> rows() {
        return rows;
    }
}
