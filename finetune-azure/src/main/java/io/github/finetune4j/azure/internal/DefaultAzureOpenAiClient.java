package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.AzureOpenAiClient;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.spi.ClientExtension;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.FileUpload;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The Azure client: the core client for everything shared, the provider for Azure-only operations. */
public final class DefaultAzureOpenAiClient implements AzureOpenAiClient, ClientExtension {
    private final FineTuneClient core;
    private final AzureOpenAiProvider provider;

    /**
     * Wraps a core client built over the given provider.
     *
     * @param core the core client, which owns the HTTP client
     * @param provider the provider the core client uses
     */
    public DefaultAzureOpenAiClient(FineTuneClient core, AzureOpenAiProvider provider) {
        this.core = Objects.requireNonNull(core, "core");
        this.provider = Objects.requireNonNull(provider, "provider");
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
        return provider.importFile(contentUrl, filename, FileUpload.FINE_TUNE);
    }

    @Override
    public List<ModelInfo> listModels() {
        return provider.listModels();
    }

    @Override
    public String providerId() {
        return core.providerId();
    }

    @Override
    public FineTuneJob start(FineTuneRequest request) {
        return core.start(request);
    }

    @Override
    public FineTuneJob start(FineTuneRequest request, JobListener listener) {
        return core.start(request, listener);
    }

    @Override
    public FineTuneJob attach(JobId id) {
        return core.attach(id);
    }

    @Override
    public PagedIterable<JobSnapshot> listJobs(PageRequest request) {
        return core.listJobs(request);
    }

    @Override
    public FileInfo uploadFile(Dataset data) {
        return core.uploadFile(data);
    }

    @Override
    public FileInfo awaitFileProcessed(FileId id, Duration timeout) {
        return core.awaitFileProcessed(id, timeout);
    }

    @Override
    public FileInfo getFile(FileId id) {
        return core.getFile(id);
    }

    @Override
    public PagedIterable<FileInfo> listFiles() {
        return core.listFiles();
    }

    @Override
    public byte[] fileContent(FileId id) {
        return core.fileContent(id);
    }

    @Override
    public boolean deleteFile(FileId id) {
        return core.deleteFile(id);
    }

    @Override
    public ModelInfo getModel(String name) {
        return core.getModel(name);
    }

    @Override
    public boolean deleteModel(String name) {
        return core.deleteModel(name);
    }

    @Override
    public FineTunedModel model(JobSnapshot succeeded) {
        return core.model(succeeded);
    }

    @Override
    public FineTunedModel model(String name) {
        return core.model(name);
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "AzureOpenAiClient[" + provider + "]";
    }

    @Override
    public FineTuneClient coreClient() {
        return core;
    }
}
