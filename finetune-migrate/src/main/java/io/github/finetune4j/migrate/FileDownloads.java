package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.FileId;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Opens a file's content at the provider. */
final class FileDownloads {
    private FileDownloads() {
    }

    static InputStream open(FineTuneClient client, FileId id) {
        return new ByteArrayInputStream(client.fileContent(id));
    }
}
