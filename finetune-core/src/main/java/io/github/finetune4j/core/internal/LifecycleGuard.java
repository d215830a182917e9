package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.ModelUnavailableException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.model.LifecycleWarning;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ProviderCapabilities;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a job the provider will refuse (provider closed to new jobs, model not fine-tunable or past its
 * fine-tuning deprecation) and warns about lifecycle dates within a horizon. Runs before anything is uploaded.
 */
final class LifecycleGuard {
    private static final System.Logger LOG = System.getLogger(LifecycleGuard.class.getName());

    private final FineTuneProvider provider;
    private final Clock clock;
    private final Duration horizon;

    LifecycleGuard(FineTuneProvider provider, Clock clock, Duration horizon) {
        this.provider = provider;
        this.clock = clock;
        this.horizon = horizon;
    }

    /**
     * Checks a base model.
     *
     * @param baseModel the model to fine-tune
     * @return warnings for dates within the horizon
     * @throws ModelUnavailableException if the provider will refuse the job
     */
    List<LifecycleWarning> check(String baseModel) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate limit = today.plusDays(Math.max(0, horizon.toDays()));
        List<LifecycleWarning> warnings = new ArrayList<>();
        ProviderCapabilities caps = provider.capabilities();
        if (caps.newJobsEndOn().isPresent()) {
            LocalDate end = caps.newJobsEndOn().get();
            String advice = caps.afterEndAdvice().orElse("");
            if (!today.isBefore(end)) {
                throw new ModelUnavailableException(provider.id(), baseModel, end, provider.id()
                        + " accepts no new fine-tuning jobs since " + end + ". " + advice);
            }
            if (!end.isAfter(limit)) {
                warnings.add(new LifecycleWarning(baseModel, LifecycleWarning.Kind.PROVIDER_JOBS_END, end,
                        provider.id() + " stops accepting new fine-tuning jobs on " + end + ". " + advice));
            }
        }
        Optional<ModelInfo> info = lookUp(baseModel);
        if (info.isEmpty()) {
            return warnings;
        }
        ModelInfo model = info.get();
        if (model.fineTunable().filter(f -> !f).isPresent()) {
            throw new ModelUnavailableException(provider.id(), baseModel, model.fineTuneDeprecation().orElse(null),
                    provider.id() + " cannot fine-tune " + baseModel + model.fineTuneDeprecation()
                            .map(d -> " (fine-tuning retired on " + d + ")").orElse("")
                            + "; choose a base model whose catalog entry allows fine-tuning");
        }
        if (model.fineTuneDeprecation().isPresent()) {
            LocalDate date = model.fineTuneDeprecation().get();
            if (!today.isBefore(date)) {
                throw new ModelUnavailableException(provider.id(), baseModel, date, "fine-tuning of " + baseModel
                        + " on " + provider.id() + " was retired on " + date + "; choose a newer base model");
            }
            if (!date.isAfter(limit)) {
                warnings.add(new LifecycleWarning(baseModel, LifecycleWarning.Kind.FINE_TUNE_DEPRECATION, date,
                        "fine-tuning of " + baseModel + " on " + provider.id() + " ends on " + date));
            }
        }
        Optional<LocalDate> inference = model.inferenceDeprecation().or(model::shutdownDate);
        inference.filter(d -> !d.isAfter(limit)).ifPresent(d -> warnings.add(new LifecycleWarning(baseModel,
                LifecycleWarning.Kind.INFERENCE_DEPRECATION, d, baseModel + " and every fine-tune built on it stop "
                + "answering on " + provider.id() + " on " + d)));
        return warnings;
    }

    /**
     * The first request of a start, before any local work: the model's catalog entry, or (for providers without a
     * catalog) one page of jobs. A provider that cannot be reached or refuses the credentials fails the start here,
     * with the host and the operation in the message, instead of after the pre-flight.
     */
    private Optional<ModelInfo> lookUp(String baseModel) {
        try {
            Optional<ModelCatalog> catalog = provider.feature(ModelCatalog.class);
            if (catalog.isEmpty()) {
                provider.listJobs(PageRequest.first().withLimit(1));
                return Optional.empty();
            }
            return Optional.of(catalog.get().getModel(baseModel));
        } catch (TransportException | AuthenticationException | PermissionDeniedException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new ModelUnavailableException(provider.id(), baseModel, null, "base model " + baseModel
                    + " is not in " + provider.id() + "'s model catalog: check the spelling, and that this account or "
                    + "resource offers the model");
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (FineTuneException e) {
            LOG.log(System.Logger.Level.WARNING, "could not check the lifecycle of " + baseModel + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
