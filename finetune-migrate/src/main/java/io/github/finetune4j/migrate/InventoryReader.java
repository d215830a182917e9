package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.eval.ModelKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes an inventory: every job (all pages), the model catalog (one request) for shutdown dates, and one
 * {@code GET /files/{id}} per distinct file to learn whether its content can still be downloaded.
 */
final class InventoryReader {
    /** Jobs per page. */
    static final int PAGE_SIZE = 100;

    private InventoryReader() {
    }

    static Inventory read(FineTuneClient client, Clock clock) {
        return read(client, clock, PAGE_SIZE);
    }

    static Inventory read(FineTuneClient client, Clock clock, int pageSize) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> notes = new ArrayList<>();
        Map<String, ModelInfo> catalog = new LinkedHashMap<>();
        try {
            client.listModels().forEach(m -> catalog.put(m.id(), m));
        } catch (UnsupportedOperationException e) {
            notes.add(client.providerId() + " has no model catalog, so shutdown dates are unknown: " + e.getMessage());
        }
        Map<FileId, SourceFile> files = new HashMap<>();
        List<InventoryEntry> entries = new ArrayList<>();
        Set<String> jobModels = new HashSet<>();
        for (JobSnapshot job : client.listJobs(PageRequest.first().withLimit(pageSize))) {
            InventoryEntry.Builder entry = InventoryEntry.builder().job(job)
                    .trainingFile(files.computeIfAbsent(job.trainingFile(), id -> probe(client, id)));
            job.validationFile().ifPresent(v -> entry.validationFile(files.computeIfAbsent(v, id -> probe(client, id))));
            shutdownDate(job, catalog).ifPresent(date -> entry.shutdownDate(date)
                    .daysLeft(ChronoUnit.DAYS.between(today, date)));
            job.fineTunedModel().ifPresent(jobModels::add);
            entries.add(entry.build());
        }
        List<ModelInfo> unmatched = catalog.values().stream()
                .filter(m -> ModelKind.of(m.id()) == ModelKind.FINE_TUNED && !jobModels.contains(m.id()))
                .toList();
        return Inventory.builder().provider(client.providerId()).takenAt(now).entries(entries)
                .unmatchedModels(unmatched).notes(notes).build();
    }

    /** The fine-tuned model's shutdown date, else its base model's. */
    private static Optional<LocalDate> shutdownDate(JobSnapshot job, Map<String, ModelInfo> catalog) {
        Optional<LocalDate> own = job.fineTunedModel().map(catalog::get).flatMap(ModelInfo::shutdownDate);
        return own.isPresent() ? own : Optional.ofNullable(catalog.get(job.baseModel()))
                .flatMap(ModelInfo::shutdownDate);
    }

    /** Asks the provider for a file's metadata: a 404 means its content is gone. */
    static SourceFile probe(FineTuneClient client, FileId id) {
        try {
            FileInfo info = client.getFile(id);
            return SourceFile.available(id, info.filename(), info.bytes());
        } catch (NotFoundException e) {
            return SourceFile.unavailable(id, FileAvailability.GONE, "404 " + e.errorMessage()
                    .orElse("not found"));
        } catch (ApiException e) {
            FileAvailability kind = e.statusCode() == 400 || e.statusCode() == 403
                    ? FileAvailability.NOT_DOWNLOADABLE : FileAvailability.UNKNOWN;
            return SourceFile.unavailable(id, kind, e.statusCode() + " " + e.errorMessage().orElse(e.getMessage()));
        }
    }
}
