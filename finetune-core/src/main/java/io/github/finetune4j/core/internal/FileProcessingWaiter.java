package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.internal.poll.PollCadence;
import io.github.finetune4j.core.internal.poll.Sleeper;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.spi.FineTuneProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/** Polls an uploaded file until the provider has processed it. */
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
        Instant began = clock.instant();
        PollCadence cadence = new PollCadence(cadenceOptions, random);
        FileInfo current = uploaded;
        while (!current.status().isSettled()) {
            Duration delay = cadence.next(null);
            if (Duration.between(began, clock.instant()).plus(delay).compareTo(timeout) > 0) {
                throw new WaitTimeoutException("processing of file " + uploaded.id(), timeout, current);
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FineTuneInterruptedException("interrupted while waiting for file " + uploaded.id(), e);
            }
            current = provider.getFile(uploaded.id());
        }
        return requireProcessed(current);
    }

    FileInfo await(FileId id, Duration timeout) {
        return await(provider.getFile(id), timeout);
    }

    private FileInfo requireProcessed(FileInfo file) {
        if (file.status() == FileStatus.PROCESSED) {
            return file;
        }
        throw new FineTuneException("file " + file.id() + " (" + file.filename() + ") was not accepted by "
                + provider.id() + ": " + file.status().name().toLowerCase(java.util.Locale.ROOT)
                + file.statusDetails().map(d -> ": " + d).orElse(""), null, provider.id(), null);
    }
}
