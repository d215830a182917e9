package io.github.finetune4j.examples;

import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Starts a job and keeps its id in a state file, or, when the file exists (the program was stopped while the job
 * ran), re-attaches to that job instead of paying for a second one.
 */
final class ResumableJob {
    private ResumableJob() {
    }

    /**
     * Re-attaches to the saved job, or starts a new one and saves its id.
     *
     * @param client the client
     * @param stateFile where the running job's id is kept
     * @param out where to print
     * @param request builds the request; called only when a new job is started
     * @return the job
     */
    static FineTuneJob startOrAttach(FineTuneClient client, Path stateFile, PrintStream out,
                                     Supplier<FineTuneRequest> request) {
        try {
            if (Files.exists(stateFile)) {
                JobId saved = JobId.of(Files.readString(stateFile).trim());
                out.println("Re-attaching to job " + saved + " from " + stateFile);
                return FineTuneJob.attach(client, saved);
            }
            FineTuneJob job = client.start(request.get(), new ConsoleProgress(out));
            Files.writeString(stateFile, job.id().value());
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Forgets the saved job once it has finished.
     *
     * @param stateFile the state file
     */
    static void forget(Path stateFile) {
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
