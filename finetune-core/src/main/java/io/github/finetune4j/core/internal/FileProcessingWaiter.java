package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.Poller;
import io.github.finetune4j.core.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Polls an uploaded file until the provider has processed it, with the same loop and failure tolerance as jobs:
 * transient poll failures are tolerated up to {@link WaitOptions#maxConsecutivePollFailures()} in a row.
 */
final class FileProcessingWaiter {
    private final FineTuneProvider provider;
    private final WaitOptions cadenceOptions;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    FileProcessingWaiter(FineTuneProvider provider, WaitOptions cadenceOptions, Clock clock, Sleeper sleeper,
                         DoubleSupplier random) {
        this.provider = provider;
        this.cadenceOptions = cadenceOptions;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    FileInfo await(FileInfo uploaded, Duration timeout) {
        return await(uploaded, timeout, false);
    }

    /** Waits for a file known only by its id: the first look is a poll like the others, its failures tolerated. */
    FileInfo await(FileId id, Duration timeout) {
        FileInfo unknown = new FileInfo(id, id.value(), 0, clock.instant(), "", FileStatus.UNKNOWN, Optional.empty());
        return await(unknown, timeout, true);
    }

    private FileInfo await(FileInfo uploaded, Duration timeout, boolean pollAtOnce) {
        WaitOptions options = cadenceOptions.toBuilder().timeout(timeout).build();
        FileInfo processed = new Poller<FileInfo>(options, clock, sleeper, random,
                "processing of file " + uploaded.id()).run(uploaded, new Poller.Target<>() {
                    @Override
                    public FileInfo poll() {
                        return provider.getFile(uploaded.id());
                    }

                    @Override
                    public boolean isTerminal(FileInfo state) {
                        return state.status().isSettled();
                    }

                    @Override
                    public String describe(FileInfo state) {
                        return state.status().name().toLowerCase(Locale.ROOT);
                    }

                    @Override
                    public boolean onPolled(FileInfo previous, FileInfo next) {
                        return previous.status() != next.status();
                    }
                }, pollAtOnce);
        return requireProcessed(processed);
    }

    private FileInfo requireProcessed(FileInfo file) {
        if (file.status() == FileStatus.PROCESSED) {
            return file;
        }
        throw new FineTuneException("file " + file.id() + " (" + file.filename() + ") was not accepted by "
                + provider.id() + ": " + file.status().name().toLowerCase(Locale.ROOT)
                + file.statusDetails().map(d -> ": " + d).orElse(""), null, provider.id(), null);
    }
}
