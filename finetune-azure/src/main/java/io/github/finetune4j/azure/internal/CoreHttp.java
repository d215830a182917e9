package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.ProviderContext;

import java.time.Clock;
import java.util.Objects;

/**
 * The core's HTTP stack (JDK client, retries honouring {@code Retry-After}, allow-listed logging, error mapping)
 * for requests outside a fine-tuning client, such as Azure Resource Manager. The core exports no transport factory,
 * so this builds a core client over an inert provider and keeps the context the core hands it; closing this closes
 * that client. Thread-safe.
 */
public final class CoreHttp implements AutoCloseable {
    private final FineTuneClient owner;
    private final ProviderContext context;

    private CoreHttp(FineTuneClient owner, ProviderContext context) {
        this.owner = owner;
        this.context = context;
    }

    /**
     * Opens an HTTP stack.
     *
     * @param id names the service in messages and logs, for example {@code azure-arm}
     * @param retryPolicy the retry policy
     * @param clock the clock
     * @return the stack; close it when done
     */
    public static CoreHttp open(String id, RetryPolicy retryPolicy, Clock clock) {
        Capture capture = new Capture(id);
        FineTuneClient client = FineTuneClient.builder().provider(capture).retryPolicy(retryPolicy).clock(clock)
                .environment(EnvironmentLookup.empty()).build();
        return new CoreHttp(client, Objects.requireNonNull(capture.context, "context"));
    }

    /**
     * The context with the transport and the JSON mapper.
     *
     * @return the context
     */
    public ProviderContext context() {
        return context;
    }

    @Override
    public void close() {
        owner.close();
    }

    /** Hands out an inert provider and keeps the context. */
    private static final class Capture implements FineTuneProviderFactory {
        private final String id;
        private volatile ProviderContext context;

        Capture(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean isConfigured(EnvironmentLookup environment) {
            return true;
        }

        @Override
        public FineTuneProvider create(ProviderContext context) {
            this.context = context;
            return new Inert(id);
        }
    }

    /** A provider that does nothing: only the transport of its context is used. */
    private static final class Inert implements FineTuneProvider {
        private final String id;

        Inert(String id) {
            this.id = id;
        }

        private UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException(id + " is not a fine-tuning provider");
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public ProviderCapabilities capabilities() {
            return ProviderCapabilities.of(false, false);
        }

        @Override
        public FileInfo uploadFile(FileUpload upload) {
            throw unsupported();
        }

        @Override
        public FileInfo getFile(FileId fileId) {
            throw unsupported();
        }

        @Override
        public Page<FileInfo> listFiles(PageRequest request) {
            throw unsupported();
        }

        @Override
        public byte[] fileContent(FileId fileId) {
            throw unsupported();
        }

        @Override
        public boolean deleteFile(FileId fileId) {
            throw unsupported();
        }

        @Override
        public JobSnapshot createJob(JobCreation creation) {
            throw unsupported();
        }

        @Override
        public JobSnapshot getJob(JobId jobId) {
            throw unsupported();
        }

        @Override
        public Page<JobSnapshot> listJobs(PageRequest request) {
            throw unsupported();
        }

        @Override
        public JobSnapshot cancelJob(JobId jobId) {
            throw unsupported();
        }

        @Override
        public JobSnapshot pauseJob(JobId jobId) {
            throw unsupported();
        }

        @Override
        public JobSnapshot resumeJob(JobId jobId) {
            throw unsupported();
        }

        @Override
        public Page<JobEvent> listEvents(JobId jobId, PageRequest request) {
            throw unsupported();
        }

        @Override
        public Page<Checkpoint> listCheckpoints(JobId jobId, PageRequest request) {
            throw unsupported();
        }

        @Override
        public ModelInfo getModel(String model) {
            throw unsupported();
        }

        @Override
        public boolean deleteModel(String model) {
            throw unsupported();
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            throw unsupported();
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
