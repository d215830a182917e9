package io.github.finetune4j.azure;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.ModelInfo;

import java.net.URI;
import java.util.List;

/**
 * A {@link FineTuneClient} on Azure OpenAI with the operations only Azure has. Everything of
 * {@code FineTuneClient} works unchanged, with one Azure rule: a fine-tuned model answers only through a
 * deployment, so {@link #model(String)} takes a <em>deployment</em> name, and {@code model(JobSnapshot)} works only
 * for a deployment named exactly like the fine-tuned model. Deploy with {@link AzureDeployments} and ask through
 * {@link AzureDeployments#model(FineTuneClient, Deployment)}. Immutable and thread-safe: create one and share it;
 * close it when done.
 *
 * <pre>{@code
 * try (AzureOpenAiClient client = AzureOpenAiFineTuning.builder()
 *         .endpoint("https://my-resource.openai.azure.com").apiKey(System.getenv("AZURE_OPENAI_API_KEY"))
 *         .buildClient()) {
 *     FileInfo file = client.importFile(URI.create(blobSasUrl), "t1000.jsonl");
 *     client.awaitFileProcessed(file.id(), Duration.ofMinutes(30));
 *     client.listModels().stream().filter(m -> m.fineTunable().orElse(false)).forEach(System.out::println);
 * }
 * }</pre>
 */
public interface AzureOpenAiClient extends FineTuneClient {
    /**
     * Imports a fine-tuning file that the service downloads itself, for example from an Azure Blob Storage SAS URL
     * ({@code POST /openai/files/import}, always on the dated route because v1 lacks it). Returns at once; the file
     * is usually {@code pending}: wait with {@link #awaitFileProcessed(io.github.finetune4j.core.model.FileId,
     * java.time.Duration)}, which fails with the service's reason ({@code fileImportFailed}, ...) when the import
     * fails. Not retried after an ambiguous failure, so that a file is not imported twice.
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

    /**
     * Reads this resource's model catalog ({@code GET /models}): base models with
     * {@link ModelInfo#fineTunable()} telling which can be fine-tuned here now, their fine-tuning and inference
     * deprecation dates, and the resource's fine-tuned models.
     *
     * @return the models, never null
     * @throws io.github.finetune4j.core.error.FineTuneException if the catalog cannot be read
     */
    List<ModelInfo> listModels();
}
