package io.github.finetune4j.crashtest;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the emulator's OpenAI account holds after a test: its jobs (with status, files and idempotency key) and its
 * files, and which of those files no job uses (orphans: billed storage nobody will delete).
 *
 * @param jobs every job, newest first
 * @param fileIds every file that exists
 */
record Ledger(List<JobSnapshot> jobs, List<String> fileIds) {

    /** Reads the account: ids from the emulator's own view, details through a direct client. */
    static Ledger of(FineTuningEmulator emulator) {
        try (FineTuneClient observer = Emulators.observer(emulator)) {
            List<JobSnapshot> jobs = new ArrayList<>();
            for (String id : emulator.openAi().jobIds()) {
                jobs.add(observer.attach(JobId.of(id)).latest());
            }
            return new Ledger(List.copyOf(jobs), emulator.openAi().fileIds());
        }
    }

    /** The jobs that were not cancelled: each one trains (and is billed) or already has. */
    List<JobSnapshot> billable() {
        return jobs.stream().filter(j -> j.status() != JobStatus.CANCELLED).collect(Collectors.toList());
    }

    /** The files a job uses: training, validation and result files of every job that is not cancelled. */
    Set<String> referenced() {
        Set<String> used = new LinkedHashSet<>();
        for (JobSnapshot job : billable()) {
            used.add(job.trainingFile().value());
            job.validationFile().map(FileId::value).ifPresent(used::add);
            job.resultFiles().forEach(f -> used.add(f.value()));
        }
        return used;
    }

    /** Files that exist but no job that trains uses. */
    List<String> orphans() {
        Set<String> used = referenced();
        return fileIds.stream().filter(f -> !used.contains(f)).collect(Collectors.toList());
    }

    /** A summary for assertion messages. */
    String describe() {
        return "jobs " + jobs.stream().map(j -> j.id().value() + " " + j.rawStatus() + " training="
                + j.trainingFile().value() + " results=" + j.resultFiles() + " key="
                + j.metadata().get(io.github.finetune4j.core.model.FineTuneRequest.IDEMPOTENCY_METADATA_KEY))
                .collect(Collectors.toList()) + ", files " + fileIds;
    }
}
