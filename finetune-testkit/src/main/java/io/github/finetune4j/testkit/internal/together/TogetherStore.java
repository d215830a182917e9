package io.github.finetune4j.testkit.internal.together;

import io.github.finetune4j.testkit.internal.http.ApiError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the Together side keeps beyond the shared state: the file type and check report of each file, the
 * Together part of each job, and the account's credit limit. Guarded by the Together state's lock.
 */
final class TogetherStore {

    /** The credit limit of the emulated account unless a test sets another: 100 US dollars. */
    static final double DEFAULT_CREDIT_LIMIT = 100.0;

    /**
     * The type and check of an uploaded file.
     *
     * @param fileType {@code jsonl}, {@code parquet} or {@code csv}
     * @param report the check, never null
     * @param sha256 the digest of the content, for returning an identical upload's file
     * @param purpose the purpose it was uploaded with
     */
    record FileInfo(String fileType, TogetherDataCheck.Report report, String sha256, String purpose) {
    }

    private final Map<String, FileInfo> files = new LinkedHashMap<>();
    private final Map<String, TogetherJob> jobs = new LinkedHashMap<>();
    private double creditLimit = DEFAULT_CREDIT_LIMIT;

    void putFile(String id, FileInfo info) {
        files.put(id, info);
    }

    Optional<FileInfo> file(String id) {
        return Optional.ofNullable(files.get(id));
    }

    void removeFile(String id) {
        files.remove(id);
    }

    /** Finds a file with the same content and purpose, as the service returns it instead of a duplicate. */
    Optional<String> sameContent(String sha256, String purpose) {
        return files.entrySet().stream().filter(e -> e.getValue().sha256().equals(sha256)
                && e.getValue().purpose().equals(purpose)).map(Map.Entry::getKey).findFirst();
    }

    void putJob(TogetherJob job) {
        jobs.put(job.id(), job);
    }

    TogetherJob job(String id) {
        TogetherJob job = jobs.get(id);
        if (job == null) {
            throw new ApiError(404, "invalid_request_error", "Fine-tune job not found: " + id, "id", "not_found",
                    Map.of());
        }
        return job;
    }

    Optional<TogetherJob> findJob(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    Iterable<TogetherJob> jobs() {
        return jobs.values();
    }

    void removeJob(String id) {
        jobs.remove(id);
    }

    double creditLimit() {
        return creditLimit;
    }

    void creditLimit(double dollars) {
        this.creditLimit = dollars;
    }
}
