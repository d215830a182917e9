package io.github.finetune4j.migrate;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
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
import io.github.finetune4j.core.preflight.PriceTable;

import java.time.Duration;
import java.util.List;

/** A client that passes every call to another one; tests override what they fake. */
class ForwardingClient implements FineTuneClient {
    private final FineTuneClient delegate;

    ForwardingClient(FineTuneClient delegate) {
        this.delegate = delegate;
    }

    /** A client for code that must not call it. */
    static FineTuneClient unused() {
        return new ForwardingClient(null) {
            @Override
            public String providerId() {
                return "unused";
            }
        };
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public PriceTable priceTable() {
        return delegate.priceTable();
    }

    @Override
    public FineTuneJob start(FineTuneRequest request) {
        return delegate.start(request);
    }

    @Override
    public FineTuneJob start(FineTuneRequest request, JobListener listener) {
        return delegate.start(request, listener);
    }

    @Override
    public FineTuneJob attach(JobId id) {
        return delegate.attach(id);
    }

    @Override
    public PagedIterable<JobSnapshot> listJobs(PageRequest request) {
        return delegate.listJobs(request);
    }

    @Override
    public FileInfo uploadFile(Dataset data) {
        return delegate.uploadFile(data);
    }

    @Override
    public FileInfo awaitFileProcessed(FileId id, Duration timeout) {
        return delegate.awaitFileProcessed(id, timeout);
    }

    @Override
    public FileInfo getFile(FileId id) {
        return delegate.getFile(id);
    }

    @Override
    public PagedIterable<FileInfo> listFiles() {
        return delegate.listFiles();
    }

    @Override
    public byte[] fileContent(FileId id) {
        return delegate.fileContent(id);
    }

    @Override
    public boolean deleteFile(FileId id) {
        return delegate.deleteFile(id);
    }

    @Override
    public ModelInfo getModel(String name) {
        return delegate.getModel(name);
    }

    @Override
    public List<ModelInfo> listModels() {
        return delegate.listModels();
    }

    @Override
    public boolean deleteModel(String name) {
        return delegate.deleteModel(name);
    }

    @Override
    public <T> T extension(Class<T> type) {
        return delegate.extension(type);
    }

    @Override
    public FineTunedModel model(JobSnapshot succeeded) {
        return delegate.model(succeeded);
    }

    @Override
    public FineTunedModel model(String name) {
        return delegate.model(name);
    }

    @Override
    public void close() {
        // the delegate belongs to the test
    }
}
