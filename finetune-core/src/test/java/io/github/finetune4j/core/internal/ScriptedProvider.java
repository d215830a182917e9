package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ModelDeletion;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.ProviderCapabilities;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** An in-memory provider whose answers tests script; records what it was asked. */
public class ScriptedProvider implements FineTuneProvider, JobControl, ModelCatalog, ModelDeletion {
    public final Deque<Supplier<JobSnapshot>> getJobAnswers = new ArrayDeque<>();
    public final Deque<Supplier<JobSnapshot>> createAnswers = new ArrayDeque<>();
    /** Answers of {@link #getFile(FileId)} in turn; once used up, every file is processed. */
    public final Deque<Supplier<FileInfo>> getFileAnswers = new ArrayDeque<>();
    public int getFileCalls;
    public final List<JobEvent> events = new ArrayList<>();
    public final List<Checkpoint> checkpoints = new ArrayList<>();
    public final List<JobSnapshot> listedJobs = new ArrayList<>();
    public final List<JobCreation> creations = new ArrayList<>();
    public final List<FileUpload> uploads = new ArrayList<>();
    public final List<String> uploadedContents = new ArrayList<>();
    public final List<PageRequest> listJobRequests = new ArrayList<>();
    public final List<FileInfo> existingFiles = new ArrayList<>();
    public final List<FileId> deletedFiles = new ArrayList<>();
    public int eventPageSize = 2;
    public int cancelCalls;
    /** Uploads that store the file and then fail with this exception, as when the answer is lost on the way. */
    public final Deque<Supplier<RuntimeException>> lostUploadAnswers = new ArrayDeque<>();
    /** Runs at each job listing, before the jobs are listed (e.g. a late create landing at a given time). */
    public Runnable beforeListJobs = () -> { };
    public FileStatus uploadStatus = FileStatus.PROCESSED;
    public ProviderCapabilities capabilities = ProviderCapabilities.builder(PriceTable.openAi())
            .supportsMetadataFilter(true).build();
    public final java.util.Map<String, ModelInfo> models = new java.util.HashMap<>();
    public RuntimeException modelError;
    public int modelLookups;
    public final Deque<RuntimeException> chatErrors = new ArrayDeque<>();
    public int chatCalls;
    /** What {@link #settings(JobCreation)} answers for every creation. */
    public java.util.Map<String, String> creationSettings = java.util.Map.of();

    public static JobSnapshot job(JobStatus status) {
        return JobSnapshot.builder().id(JobId.of("ftjob-1")).status(status).provider("scripted")
                .baseModel("gpt-4o-mini-2024-07-18").createdAt(Instant.EPOCH).trainingFile(FileId.of("file-1"))
                .build();
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public FileInfo uploadFile(FileUpload upload) {
        uploads.add(upload);
        try {
            uploadedContents.add(Files.readString(upload.path()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FileInfo stored = new FileInfo(FileId.of("file-" + uploads.size()), upload.filename(), upload.bytes(),
                Instant.EPOCH, upload.purpose(), uploadStatus, Optional.empty());
        if (!lostUploadAnswers.isEmpty()) {
            existingFiles.add(stored);
            throw lostUploadAnswers.poll().get();
        }
        return stored;
    }

    @Override
    public FileInfo getFile(FileId id) {
        getFileCalls++;
        if (!getFileAnswers.isEmpty()) {
            return getFileAnswers.poll().get();
        }
        return new FileInfo(id, "train.jsonl", 1, Instant.EPOCH, "fine-tune", FileStatus.PROCESSED, Optional.empty());
    }

    @Override
    public Page<FileInfo> listFiles(PageRequest request) {
        return Page.of(existingFiles, null);
    }

    @Override
    public byte[] fileContent(FileId id) {
        return new byte[0];
    }

    @Override
    public boolean deleteFile(FileId id) {
        deletedFiles.add(id);
        return true;
    }

    @Override
    public JobSnapshot createJob(JobCreation creation) {
        creations.add(creation);
        return createAnswers.isEmpty() ? job(JobStatus.QUEUED) : createAnswers.poll().get();
    }

    @Override
    public java.util.Map<String, String> settings(JobCreation creation) {
        return creationSettings;
    }

    @Override
    public JobSnapshot getJob(JobId id) {
        if (getJobAnswers.isEmpty()) {
            throw new AssertionError("unexpected getJob");
        }
        return getJobAnswers.size() == 1 ? getJobAnswers.peek().get() : getJobAnswers.poll().get();
    }

    @Override
    public Page<JobSnapshot> listJobs(PageRequest request) {
        listJobRequests.add(request);
        beforeListJobs.run();
        return Page.of(listedJobs, null);
    }

    @Override
    public JobSnapshot cancelJob(JobId id) {
        cancelCalls++;
        return job(JobStatus.CANCELLED);
    }

    @Override
    public JobSnapshot pauseJob(JobId id) {
        return job(JobStatus.PAUSED);
    }

    @Override
    public JobSnapshot resumeJob(JobId id) {
        return job(JobStatus.RUNNING);
    }

    @Override
    public Page<JobEvent> listEvents(JobId id, PageRequest request) {
        return newestFirstPage(events, JobEvent::id, request);
    }

    @Override
    public Page<Checkpoint> listCheckpoints(JobId id, PageRequest request) {
        return newestFirstPage(checkpoints, Checkpoint::id, request);
    }

    private <T> Page<T> newestFirstPage(List<T> oldestFirst, java.util.function.Function<T, String> idOf,
                                        PageRequest request) {
        List<T> newest = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newest);
        int start = 0;
        if (request.after().isPresent()) {
            for (int i = 0; i < newest.size(); i++) {
                if (idOf.apply(newest.get(i)).equals(request.after().get())) {
                    start = i + 1;
                }
            }
        }
        int end = Math.min(newest.size(), start + eventPageSize);
        List<T> page = newest.subList(start, end);
        return Page.of(page, end < newest.size() ? idOf.apply(newest.get(end - 1)) : null);
    }

    @Override
    public ModelInfo getModel(String model) {
        modelLookups++;
        if (modelError != null) {
            throw modelError;
        }
        return models.getOrDefault(model, ModelInfo.of(model));
    }

    @Override
    public List<ModelInfo> listModels() {
        return List.copyOf(models.values());
    }

    @Override
    public boolean deleteModel(String model) {
        return true;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        chatCalls++;
        if (!chatErrors.isEmpty()) {
            throw chatErrors.poll();
        }
        return new ChatResponse("chat-1", request.model(), "echo: " + request.messages().get(request.messages().size() - 1)
                .content().orElse(""), Optional.of("stop"), Optional.empty());
    }

    @Override
    public void close() {
    }
}
