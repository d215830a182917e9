package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.spi.LazyPagedIterable;
import io.github.finetune4j.core.spi.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.internal.http.JdkHttpTransport;
import io.github.finetune4j.core.internal.poll.BatchPoller;
import io.github.finetune4j.core.internal.poll.JobPoller;
import io.github.finetune4j.core.internal.poll.Listeners;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ModelDeletion;
import io.github.finetune4j.core.spi.ProviderContext;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** The client: drives the story (check, upload, wait, create, poll) over one provider. Thread-safe. */
public final class DefaultFineTuneClient implements FineTuneClient {
    private static final String VERSION = Optional.ofNullable(DefaultFineTuneClient.class.getPackage()
            .getImplementationVersion()).orElse("dev");

    private static final Duration FILE_POLL_INITIAL = Duration.ofSeconds(1);
    private static final Duration FILE_POLL_MAX = Duration.ofSeconds(10);

    private final FineTuneProvider provider;
    private final ClientConfig config;
    private final HttpClient ownedHttpClient;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Object executorLock = new Object();
    private ExecutorService executor;

    /**
     * Creates a client over a provider; for the builder and for tests that inject time.
     *
     * @param provider the provider
     * @param config the settings
     * @param ownedHttpClient the HTTP client to close with this client, or null
     * @param sleeper waits between polls
     * @param random uniform values in [0, 1) for jitter
     */
    public DefaultFineTuneClient(FineTuneProvider provider, ClientConfig config, HttpClient ownedHttpClient,
                                 Sleeper sleeper, DoubleSupplier random) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.config = Objects.requireNonNull(config, "config");
        this.ownedHttpClient = ownedHttpClient;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Creates the HTTP client, transport and provider, and the client over them.
     *
     * @param factory the provider factory
     * @param config the settings
     * @return the client
     */
    public static DefaultFineTuneClient create(FineTuneProviderFactory factory, ClientConfig config) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        FineTuneProvider provider;
        try {
            provider = factory.create(context(factory.id(), http, config));
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw e;
        }
        return new DefaultFineTuneClient(provider, config, http, Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The context handed to a provider factory.
     *
     * @param providerId the provider id
     * @param http the HTTP client
     * @param config the settings
     * @return the context
     */
    public static ProviderContext context(String providerId, HttpClient http, ClientConfig config) {
        return context(providerId, http, config, false);
    }

    /**
     * The context of a stack whose transport may follow redirects of GET requests (see {@code HttpStack}).
     *
     * @param providerId the provider or service id
     * @param http the HTTP client, which must not follow redirects itself
     * @param config the settings
     * @param followRedirects whether GET requests follow redirects, leaving secret headers behind on another origin
     * @return the context
     */
    public static ProviderContext context(String providerId, HttpClient http, ClientConfig config,
                                          boolean followRedirects) {
        String userAgent = "finetune-java/" + VERSION + " (" + providerId + ") Java/" + System.getProperty("java.version");
        HttpTransport transport = new JdkHttpTransport(providerId, http, config.retryPolicy(), config.requestTimeout(),
                config.uploadTimeout(), userAgent, config.allowInsecureHttp(), config.clock(), followRedirects);
        ObjectMapper mapper = Json.newMapper();
        return new ProviderContext(config.environment(), transport, mapper, config.clock(), userAgent,
                config.allowInsecureHttp());
    }

    FineTuneProvider provider() {
        return provider;
    }

    ClientConfig config() {
        return config;
    }

    JobPoller newPoller(WaitOptions options, Consumer<JobSnapshot> onSnapshot) {
        return new JobPoller(provider, options, config.clock(), sleeper, random, onSnapshot);
    }

    <T> CompletableFuture<T> runAsync(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task = executor().submit(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                task.cancel(true);
            }
        });
        return result;
    }

    private ExecutorService executor() {
        synchronized (executorLock) {
            if (executor == null) {
                AtomicInteger count = new AtomicInteger();
                executor = Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "finetune4j-await-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            return executor;
        }
    }

    @Override
    public String providerId() {
        return provider.id();
    }

    @Override
    public PriceTable priceTable() {
        return provider.capabilities().priceTable();
    }

    @Override
    public FineTuneJob start(FineTuneRequest request) {
        return start(request, List.of());
    }

    @Override
    public FineTuneJob start(FineTuneRequest request, JobListener listener) {
        return start(request, List.of(Objects.requireNonNull(listener, "listener")));
    }

    private FineTuneJob start(FineTuneRequest request, List<JobListener> listeners) {
        Objects.requireNonNull(request, "request");
        JobSnapshot created = starter().start(request, new Listeners(listeners));
        return new DefaultFineTuneJob(this, created, listeners);
    }

    @Override
    public FineTuneJob attach(JobId id) {
        try {
            return new DefaultFineTuneJob(this, provider.getJob(Objects.requireNonNull(id, "id")));
        } catch (NotFoundException e) {
            ApiErrorDetails d = e.details();
            throw new NotFoundException(new ApiErrorDetails(d.provider(), d.statusCode(), d.errorCode(), d.errorType(),
                    d.errorParam(), (d.errorMessage() == null ? "" : d.errorMessage() + ". ") + "Job " + id.value()
                    + " is not known to " + provider.id() + ": it belongs to another account, project or resource, "
                    + "or to an emulator that has stopped. Start the job again instead: the same request finds a job "
                    + "of an earlier run by its idempotency key, or creates one", d.requestId(), d.retryAfter()));
        }
    }

    @Override
    public PagedIterable<JobSnapshot> listJobs(PageRequest request) {
        return new LazyPagedIterable<>(request.after(), cursor -> provider.listJobs(cursor
                .map(c -> new PageRequest(Optional.of(c), request.limit(), request.metadata()))
                .orElse(new PageRequest(Optional.empty(), request.limit(), request.metadata()))));
    }

    @Override
    public FileInfo uploadFile(Dataset data) {
        return starter().upload(Objects.requireNonNull(data, "data"));
    }

    @Override
    public FileInfo awaitFileProcessed(FileId id, Duration timeout) {
        return fileWaiter().await(id, timeout);
    }

    @Override
    public FileInfo getFile(FileId id) {
        return provider.getFile(id);
    }

    @Override
    public PagedIterable<FileInfo> listFiles() {
        return LazyPagedIterable.fromFirstPage(provider::listFiles);
    }

    @Override
    public byte[] fileContent(FileId id) {
        return provider.fileContent(id);
    }

    @Override
    public void downloadFile(FileId id, java.nio.file.Path target) {
        Objects.requireNonNull(id, "id");
        try {
            AtomicFile.fill(Objects.requireNonNull(target, "target"), temp -> provider.downloadFile(id, temp));
        } catch (java.io.IOException e) {
            throw new FineTuneException("cannot write " + id + " to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean deleteFile(FileId id) {
        return provider.deleteFile(id);
    }

    @Override
    public ModelInfo getModel(String name) {
        return require(ModelCatalog.class).getModel(name);
    }

    @Override
    public List<ModelInfo> listModels() {
        return require(ModelCatalog.class).listModels();
    }

    @Override
    public boolean deleteModel(String name) {
        return require(ModelDeletion.class).deleteModel(name);
    }

    @Override
    public <T> T extension(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type == BatchChat.class) {
            return type.cast(batchRunner());
        }
        return require(type);
    }

    /**
     * An optional feature of the provider.
     *
     * @param type the feature
     * @param <T> the feature type
     * @return the feature
     * @throws UnsupportedOperationException if the provider does not offer it, with the provider's reason
     */
    <T> T require(Class<T> type) {
        return provider.feature(type).orElseThrow(() -> new UnsupportedOperationException(
                provider.whyUnsupported(type)));
    }

    @Override
    public FineTunedModel model(JobSnapshot succeeded) {
        String name = succeeded.fineTunedModel().orElseThrow(() -> new IllegalArgumentException(
                "job " + succeeded.id() + " has no fine-tuned model (status " + succeeded.rawStatus() + ")"));
        ModelReadiness readiness = succeeded.finishedAt()
                .map(at -> ModelReadiness.after(at, config.clock(), sleeper))
                .orElseGet(() -> ModelReadiness.none(config.clock(), sleeper));
        return new DefaultFineTunedModel(provider, name, Optional.empty(), Optional.empty(), Optional.empty(), readiness);
    }

    @Override
    public FineTunedModel model(String name) {
        return new DefaultFineTunedModel(provider, name, Optional.empty(), Optional.empty(), Optional.empty(),
                ModelReadiness.none(config.clock(), sleeper));
    }

    private BatchRunner batchRunner() {
        BatchSupport batches = provider.feature(BatchSupport.class).orElseThrow(() ->
                new UnsupportedOperationException(provider.whyUnsupported(BatchSupport.class)
                        + "; ask the model request by request instead"));
        return new BatchRunner(provider, batches, fileWaiter(),
                new BatchPoller(batches, provider.id(), config.clock(), sleeper, random));
    }

    private JobStarter starter() {
        return new JobStarter(provider, fileWaiter(), config,
                new LifecycleGuard(provider, config.clock(), config.lifecycleHorizon()), sleeper, random);
    }

    private FileProcessingWaiter fileWaiter() {
        // Files are usually processed within seconds: poll sooner than for jobs, never slower than the job cadence.
        WaitOptions jobs = config.defaultWaitOptions();
        WaitOptions files = jobs.toBuilder()
                .initialInterval(min(jobs.initialInterval(), FILE_POLL_INITIAL))
                .maxInterval(min(jobs.maxInterval(), FILE_POLL_MAX))
                .build();
        return new FileProcessingWaiter(provider, files, config.clock(), sleeper, random);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        synchronized (executorLock) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        provider.close();
        if (ownedHttpClient != null) {
            closeQuietly(ownedHttpClient);
        }
    }

    private static void closeQuietly(HttpClient http) {
        // HttpClient is AutoCloseable only from Java 21; on 17 its threads end when it becomes unreachable.
        if (http instanceof AutoCloseable) {
            try {
                ((AutoCloseable) http).close();
            } catch (Exception e) {
                // nothing useful to do while closing
            }
        }
    }

    @Override
    public String toString() {
        return "FineTuneClient[" + provider.id() + "]";
    }
}
