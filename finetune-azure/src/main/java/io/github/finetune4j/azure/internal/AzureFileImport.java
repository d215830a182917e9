package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.azure.AzureApiRoute;
import io.github.finetune4j.azure.AzureOpenAi;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.openai.protocol.OpenAiProtocol;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** {@link AzureOpenAi} over the shared protocol: the file import on the dated route. Thread-safe. */
public final class AzureFileImport implements AzureOpenAi {
    private final OpenAiProtocol protocol;
    private final AzureDialect dialect;

    /**
     * Creates the extension.
     *
     * @param protocol the protocol bound to the Azure dialect
     * @param dialect the same dialect, for the dated route
     */
    public AzureFileImport(OpenAiProtocol protocol, AzureDialect dialect) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    @Override
    public FileInfo importFile(URI contentUrl, String filename) {
        Objects.requireNonNull(contentUrl, "contentUrl");
        Objects.requireNonNull(filename, "filename");
        String scheme = contentUrl.getScheme() == null ? "" : contentUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || contentUrl.getHost() == null) {
            throw new IllegalArgumentException("contentUrl must be an absolute http(s) URL");
        }
        if (!filename.endsWith(".jsonl")) {
            throw new IllegalArgumentException("fine-tuning files must be named *.jsonl: " + filename);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("purpose", FileUpload.FINE_TUNE)
                .put("filename", filename).put("content_url", contentUrl.toString());
        URI uri = dialect.uri(AzureApiRoute.DATED, "files/import", Map.of());
        return protocol.readFile(protocol.send(protocol.request("POST", uri).body(HttpBody.json(protocol.json(body)))
                .retryMode(RetryMode.NOT_IDEMPOTENT).build()), "file import");
    }

    @Override
    public String toString() {
        return "AzureOpenAi[" + dialect + "]";
    }
}
