package io.github.finetune4j.together.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.preflight.ProviderEstimate;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.PriceEstimates;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.openai.protocol.OpenAiProtocol;
import io.github.finetune4j.openai.protocol.ProtocolUris;
import io.github.finetune4j.together.DownloadProgress;
import io.github.finetune4j.together.TogetherAi;
import io.github.finetune4j.together.TogetherTraining;
import io.github.finetune4j.together.WeightDownload;
import io.github.finetune4j.together.WeightKind;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What only Together has: the price estimate (for {@code start} as {@link PriceEstimates} and for applications),
 * weight downloads, the metrics endpoint, the list of tunable models and job deletion. One request per call, except
 * downloads (one per part). Thread-safe.
 */
final class TogetherExtension implements TogetherAi, PriceEstimates {
    private final OpenAiProtocol protocol;
    private final TogetherDialect dialect;
    private final ObjectMapper mapper;
    private final WeightFetcher fetcher;

    TogetherExtension(OpenAiProtocol protocol, TogetherDialect dialect, ObjectMapper mapper, WeightFetcher fetcher) {
        this.protocol = protocol;
        this.dialect = dialect;
        this.mapper = mapper;
        this.fetcher = fetcher;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The estimate creates nothing, so it is repeated like a GET. */
    @Override
    public ProviderEstimate estimate(JobCreation creation) {
        return protocol.reader().read(protocol.send(protocol.request("POST",
                        dialect.uri("fine-tunes/estimate-price", Map.of()))
                        .body(HttpBody.json(protocol.json(JobBodies.estimate(mapper, creation))))
                        .retryMode(RetryMode.IDEMPOTENT).build()),
                Dtos.EstimateDto.class, TogetherExtension::estimate, "price estimate");
    }

    @Override
    public ProviderEstimate estimatePrice(FineTuneRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.trainingFile().isEmpty() || request.validationData().isPresent()) {
            throw new IllegalArgumentException("the estimate needs uploaded files: upload the data with "
                    + "client.uploadFile(dataset), wait for client.awaitFileProcessed(id, timeout), and give the ids "
                    + "with trainingFile(...) and validationFile(...)");
        }
        request.providerOptions().filter(o -> !o.providerId().equals(TogetherTraining.PROVIDER_ID)).ifPresent(o -> {
            throw new IllegalArgumentException("the request carries options for " + o.providerId());
        });
        return estimate(new JobCreation(request.baseModel(), request.trainingFile().get(), request.validationFile(),
                request.suffix(), request.seed(), request.metadata(), request.method(), request.hyperparameters(),
                request.extraBodyProperties(), "estimate", request.providerOptions()));
    }

    @Override
    public WeightDownload downloadWeights(JobId job, WeightKind kind, Path target, DownloadProgress progress) {
        Objects.requireNonNull(kind, "kind");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ft_id", Objects.requireNonNull(job, "job").value());
        query.put("checkpoint", kind.wireName());
        return fetcher.fetch(dialect.uri("finetune/download", query), Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(progress, "progress"));
    }

    @Override
    public WeightDownload downloadCheckpoint(JobId job, long step, Path target, DownloadProgress progress) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ft_id", Objects.requireNonNull(job, "job").value());
        query.put("checkpoint_step", Long.toString(step));
        return fetcher.fetch(dialect.uri("finetune/download", query), Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(progress, "progress"));
    }

    /** Without filters the request has no body (a GET with a body is sent only for filters). */
    @Override
    public TrainingHistory metrics(JobId job) {
        return protocol.reader().read(protocol.send(protocol.request("GET",
                        dialect.uri(ProtocolUris.path("fine-tunes", job.value(), "metrics"), Map.of())).build()),
                Dtos.MetricsDto.class, TogetherMapper::metrics, "metrics");
    }

    @Override
    public List<String> supportedModels() {
        return protocol.reader().read(protocol.send(protocol.request("GET",
                        dialect.uri("fine-tunes/models/supported", Map.of())).build()),
                Dtos.SupportedModelsDto.class, dto -> List.copyOf(Objects.requireNonNull(dto.models(), "models")),
                "supported models");
    }

    @Override
    public boolean deleteJob(JobId job) {
        protocol.send(protocol.request("DELETE", dialect.uri(ProtocolUris.path("fine-tunes", job.value()), Map.of()))
                .build());
        return true;
    }

    private static ProviderEstimate estimate(Dtos.EstimateDto dto) {
        ProviderEstimate.Builder estimate = ProviderEstimate.builder(TogetherMapper.PROVIDER);
        if (Boolean.FALSE.equals(dto.estimationAvailable())) {
            return estimate.unavailableReason(dto.unavailableReason() == null ? "no estimate available"
                    : dto.unavailableReason()).build();
        }
        if (dto.totalPrice() != null) {
            estimate.totalPriceUsd(dto.totalPrice());
        }
        if (dto.allowedToProceed() != null) {
            estimate.allowedToProceed(dto.allowedToProceed());
        }
        if (dto.userLimit() != null) {
            estimate.creditLimitUsd(dto.userLimit());
        }
        if (dto.trainTokens() != null) {
            estimate.trainTokens(Math.round(dto.trainTokens()));
        }
        if (dto.evalTokens() != null) {
            estimate.evalTokens(Math.round(dto.evalTokens()));
        }
        return estimate.build();
    }
}
