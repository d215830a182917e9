package io.github.finetune4j.azure;

import io.github.finetune4j.core.model.FileInfo;

import java.net.URI;

/**
 * What only Azure OpenAI has, reached through the client's one extension hook:
 *
 * <pre>{@code
 * try (FineTuneClient client = AzureOpenAiFineTuning.builder().buildClient()) {
 *     FileInfo file = client.extension(AzureOpenAi.class).importFile(URI.create(blobSasUrl), "t1000.jsonl");
 *     client.awaitFileProcessed(file.id(), Duration.ofMinutes(30));
 * }
 * }</pre>
 *
 * <p>Everything else of the story is the common {@link io.github.finetune4j.core.FineTuneClient} API, with one Azure
 * rule: a fine-tuned model answers only through a deployment, so {@code client.model(name)} takes a
 * <em>deployment</em> name; deploy with {@link io.github.finetune4j.azure.deployments.AzureDeployments}. The model
 * catalog of the resource is {@code client.listModels()}. Thread-safe.
 */
public interface AzureOpenAi {
    /**
     * Imports a fine-tuning file that the service downloads itself, for example from an Azure Blob Storage SAS URL
     * ({@code POST /openai/files/import}, always on the dated route because v1 lacks it). Returns at once; the file
     * is usually {@code pending}: wait with {@code client.awaitFileProcessed(id, timeout)}, which fails with the
     * service's reason ({@code fileImportFailed}, ...) when the import fails. Not retried after an ambiguous failure,
     * so that a file is not imported twice.
     *
     * @param contentUrl where the service fetches the JSONL content (the URL may hold a SAS token; it is sent only
     *     in the request body, never logged)
     * @param filename the name to store, ending in {@code .jsonl}
     * @return the new file
     * @throws IllegalArgumentException if {@code filename} does not end in {@code .jsonl} or the URL is not absolute
     *     http(s)
     * @throws io.github.finetune4j.core.error.FineTuneException if the service refuses or cannot be reached
     */
    FileInfo importFile(URI contentUrl, String filename);
}
