package io.github.finetune4j.testkit.internal.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.blob.BlobStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * All in-memory state of one emulator, behind one lock. Every request runs as one {@link #transaction}: it reads
 * the clock once, brings finished jobs up to date (result file, fine-tuned model), then does its work, so each
 * response is consistent with a single instant.
 */
public final class EmulatorState {

    private final ReentrantLock lock = new ReentrantLock();
    private final EmulatorConfig config;
    private final Supplier<Instant> clock;
    private final IdGenerator ids;
    private final ObjectMapper mapper;
    private final FileStore files = new FileStore();
    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
    private final ModelStore models;
    private final JobService jobService;
    private final DeploymentStore deployments = new DeploymentStore();
    private final UploadStore uploads = new UploadStore();
    private final BlobStore blobs;
    private final PendingFailure pendingFailure;
    private final boolean resultFiles;
    private Instant now;
    private Instant lastNow = Instant.EPOCH;
    private long sequence;

    /**
     * Creates empty state whose file contents stay in memory.
     *
     * @param config the settings
     * @param clock the source of the current instant
     * @param mapper the JSON mapper
     */
    public EmulatorState(EmulatorConfig config, Supplier<Instant> clock, ObjectMapper mapper) {
        this(config, clock, mapper, new BlobStore(), new PendingFailure(), true);
    }

    /**
     * Creates empty state.
     *
     * @param config the settings
     * @param clock the source of the current instant
     * @param mapper the JSON mapper
     * @param blobs where large file contents go; its owner closes it
     * @param pendingFailure the failure of the next job, shared by every side of one emulator
     * @param resultFiles whether a succeeded job leaves an OpenAI result file ({@code step_metrics.csv})
     */
    public EmulatorState(EmulatorConfig config, Supplier<Instant> clock, ObjectMapper mapper, BlobStore blobs,
                         PendingFailure pendingFailure, boolean resultFiles) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.pendingFailure = Objects.requireNonNull(pendingFailure, "pendingFailure");
        this.resultFiles = resultFiles;
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.ids = new IdGenerator(config.seed());
        this.models = new ModelStore(config.baseModels());
        this.jobService = new JobService(this);
    }

    /**
     * Runs work under the lock, at one instant of the clock.
     *
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T transaction(Function<EmulatorState, T> work) {
        lock.lock();
        try {
            Instant read = clock.get();
            now = read.isBefore(lastNow) ? lastNow : read;
            lastNow = now;
            settleJobs();
            deployments.purge(now);
            uploads.expire(now);
            return work.apply(this);
        } finally {
            now = null;
            lock.unlock();
        }
    }

    /**
     * Returns the instant of the current transaction.
     *
     * @return the instant
     * @throws IllegalStateException outside a transaction
     */
    public Instant now() {
        if (now == null || !lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("not inside a transaction");
        }
        return now;
    }

    /** @return the settings */
    public EmulatorConfig config() {
        return config;
    }

    /** @return the id generator */
    public IdGenerator ids() {
        return ids;
    }

    /** @return the JSON mapper */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** @return the files */
    public FileStore files() {
        return files;
    }

    /** @return the models */
    public ModelStore models() {
        return models;
    }

    /** @return the job operations */
    public JobService jobs() {
        return jobService;
    }

    /**
     * Returns the next creation sequence number, to order things created at the same instant.
     *
     * @return the number
     */
    public long nextSequence() {
        return ++sequence;
    }

    /**
     * Adds a new file that becomes processed after the configured delay.
     *
     * @param filename the file name
     * @param purpose the purpose
     * @param content the bytes
     * @return the file
     */
    public StoredFile addUpload(String filename, String purpose, Blob content) {
        return addUpload(filename, purpose, content, IdStyle.OPENAI, null);
    }

    /** @return the failure the next job created will have, shared by every side of the emulator */
    public PendingFailure pendingFailure() {
        return pendingFailure;
    }

    /**
     * Tells whether a job with this id exists.
     *
     * @param id the job id
     * @return true when it exists
     */
    public boolean hasJob(String id) {
        return jobs.containsKey(id);
    }

    /** @return the uploads of the Uploads API */
    public UploadStore uploads() {
        return uploads;
    }

    /** @return where large contents (upload parts, files) are kept */
    public BlobStore blobs() {
        return blobs;
    }

    /**
     * Opens a new upload of the Uploads API, expiring after the configured upload expiry.
     *
     * @param filename the file name
     * @param purpose the purpose
     * @param bytes the announced total size
     * @param mimeType the announced MIME type
     * @return the upload
     */
    public UploadRecord addUploadSession(String filename, String purpose, long bytes, String mimeType) {
        UploadRecord upload = new UploadRecord(ids.next("upload_", 24), filename, purpose, bytes, mimeType, now(),
                now().plus(config.uploadExpiry()));
        uploads.add(upload);
        return upload;
    }

    /**
     * Adds a part to an open upload.
     *
     * @param upload the upload, pending
     * @param data the part's bytes
     * @return the part
     */
    public UploadRecord.Part addUploadPart(UploadRecord upload, Blob data) {
        UploadRecord.Part part = new UploadRecord.Part(ids.next("part_", 24), now(), data);
        upload.addPart(part);
        return part;
    }

    /**
     * Cancels an open upload and drops its parts.
     *
     * @param upload the upload, pending
     */
    public void cancelUpload(UploadRecord upload) {
        upload.end(UploadRecord.Status.CANCELLED);
    }

    /**
     * Completes an upload: its parts, in the given order, become a new file.
     *
     * @param upload the upload, pending, with every part id known
     * @param partIds the part ids in order
     * @return the new file
     */
    public StoredFile completeUpload(UploadRecord upload, List<String> partIds) {
        List<Blob> ordered = new ArrayList<>();
        partIds.forEach(partId -> ordered.add(upload.part(partId).orElseThrow().data()));
        StoredFile file = addUpload(upload.filename(), upload.purpose(), Blob.concat(ordered));
        upload.complete(partIds, file.id());
        return file;
    }

    /**
     * Adds a new file that becomes processed, or fails processing, after the configured delay.
     *
     * @param filename the file name
     * @param purpose the purpose
     * @param content the bytes
     * @param style the look of the id
     * @param processingError why processing will fail, or null
     * @return the file
     */
    public StoredFile addUpload(String filename, String purpose, Blob content, IdStyle style,
                                String processingError) {
        return addFile(filename, purpose, content, style, processingError, now());
    }

    /** Adds a file created at an instant, possibly in the past (a seeded file). */
    StoredFile addFile(String filename, String purpose, Blob content, IdStyle style, String processingError,
                       Instant createdAt) {
        String id = style == IdStyle.AZURE ? ids.nextHex("file-", 32)
                : style == IdStyle.TOGETHER ? "file-" + ids.nextUuid() : ids.next("file-", 22);
        StoredFile file = new StoredFile(id, filename, purpose, content, createdAt,
                createdAt.plus(config.fileProcessingDelay()), nextSequence(), processingError);
        files.add(file);
        return file;
    }

    /** @return the ARM deployments */
    public DeploymentStore deployments() {
        return deployments;
    }

    void putJob(JobRecord job) {
        jobs.put(job.id(), job);
    }

    void removeJob(String id) {
        jobs.remove(id);
    }

    Optional<JobRecord> findJob(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * Returns all jobs, newest first.
     *
     * @return the jobs
     */
    public List<JobRecord> jobsNewestFirst() {
        List<JobRecord> all = new ArrayList<>(jobs.values());
        Collections.reverse(all);
        // Stable: jobs created at the same instant stay newest-added first; seeded jobs sort by their past date.
        all.sort(Comparator.comparing(JobRecord::createdAt).reversed());
        return all;
    }

    /** Creates the outputs of jobs that succeeded since the last request, once. */
    private void settleJobs() {
        for (JobRecord job : jobs.values()) {
            if (job.isMaterialized()) {
                continue;
            }
            JobTimeline.Phase phase = JobTimeline.phase(job, now);
            if (phase.status() == JobStatus.SUCCEEDED) {
                Instant finished = phase.finishedAt();
                String fileId = null;
                if (resultFiles) {
                    fileId = IdGenerator.derived("file-", job.id() + ":results", 22);
                    files.add(new StoredFile(fileId, ResultCsv.FILENAME, "fine-tune-results",
                            Blob.of(ResultCsv.encoded(job.curve().steps())), finished, finished, nextSequence(),
                            null));
                }
                // A fine-tune is shut down with its base model (OpenAI: 2027-01-14 for the gpt-4o and 4.1 families).
                String base = JobService.baseModelOf(job.spec().model());
                String shutdown = models.get(base).map(ModelRecord::shutdownDate)
                        .orElse(OpenAiLifecycle.shutdownDate(base).orElse(null));
                models.add(new ModelRecord(job.fineTunedModel(), finished, config.organizationId(), shutdown,
                        job.id()));
                job.markMaterialized(fileId);
            } else if (phase.status().isTerminal()) {
                job.markMaterialized(null);
            }
        }
    }
}
