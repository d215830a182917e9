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

    /** Waits for a file whose state the upload just returned: the first poll follows the cadence's first delay. */
    FileInfo await(FileInfo uploaded, Duration timeout) {
        return requireProcessed(poller(uploaded.id(), timeout).run(uploaded, target(uploaded.id()), false));
    }

    /**
     * Waits for a file known by its id only: the first read is a poll like the others, with the same tolerance of
     * failed polls.
     */
    FileInfo await(FileId id, Duration timeout) {
        return requireProcessed(poller(id, timeout).run(target(id)));
    }

    private Poller<FileInfo> poller(FileId id, Duration timeout) {
        WaitOptions options = cadenceOptions.toBuilder().timeout(timeout).build();
        return new Poller<>(options, clock, sleeper, random, "processing of file " + id);
    }

    private Poller.Target<FileInfo> target(FileId id) {
        return new Poller.Target<>() {
            @Override
            public FileInfo poll() {
                return provider.getFile(id);
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
        };
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
