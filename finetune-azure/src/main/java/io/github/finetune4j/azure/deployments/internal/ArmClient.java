package io.github.finetune4j.azure.deployments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.azure.internal.AzureAuth;
import io.github.finetune4j.openai.protocol.ResponseReader;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Azure Resource Manager calls for deployments, one HTTP exchange per method, with a bearer token for the
 * management scope. URLs found in responses ({@code nextLink}, {@code Azure-AsyncOperation}) are followed only on
 * the ARM host, so the token never goes elsewhere. Thread-safe.
 */
public final class ArmClient {
    /** The provider id ARM errors carry, naming the plane: {@value}. */
    public static final String PLANE = "azure-arm";

    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final ArmEndpoints endpoints;
    private final AzureAuth auth;
    private final ResponseReader reader;
    private final Clock clock;

    /**
     * Creates the client.
     *
     * @param transport the core transport
     * @param mapper the JSON mapper
     * @param endpoints the account's deployment URLs
     * @param auth bearer tokens for the management scope
     * @param clock the clock, for HTTP-date {@code Retry-After} values
     */
    public ArmClient(HttpTransport transport, ObjectMapper mapper, ArmEndpoints endpoints, AzureAuth auth,
                     Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.reader = new ResponseReader(mapper, PLANE, "Azure Resource Manager");
    }

    /** PUT (create or update): repeating the same body is harmless, so it is retried like a GET. */
    Deployment put(DeploymentRequest request) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(DeploymentMapper.toWire(mapper, request));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("deployment body cannot be written as JSON", e);
        }
        HttpResult result = transport.send(call("PUT", endpoints.deployment(request.name()))
                .body(HttpBody.json(body)).retryMode(RetryMode.IDEMPOTENT).build());
        URI operation = result.header("azure-asyncoperation").map(ArmClient::uri).filter(endpoints::isArm)
                .orElse(null);
        return reader.read(result, ArmDtos.DeploymentResource.class, dto -> DeploymentMapper.fromWire(dto, operation),
                "deployment");
    }

    /** A deployment plus the server's requested delay before the next poll, if any. */
    record Polled(Deployment deployment, Optional<Duration> retryAfter) {
    }

    Polled get(String name, URI asyncOperation) {
        HttpResult result = transport.send(call("GET", endpoints.deployment(name)).build());
        Deployment deployment = reader.read(result, ArmDtos.DeploymentResource.class,
                dto -> DeploymentMapper.fromWire(dto, asyncOperation), "deployment");
        return new Polled(deployment, result.retryAfter(clock).filter(d -> !d.isZero()));
    }

    URI firstPage() {
        return endpoints.deployments();
    }

    Page<Deployment> page(URI uri) {
        if (!endpoints.isArm(uri)) {
            throw new ResponseFormatException("Azure Resource Manager returned a nextLink to another host; not "
                    + "followed", null, PLANE, null);
        }
        HttpResult result = transport.send(call("GET", uri).build());
        return reader.read(result, ArmDtos.DeploymentList.class, list -> {
            List<Deployment> items = new ArrayList<>();
            for (ArmDtos.DeploymentResource dto : list.value() == null ? List.<ArmDtos.DeploymentResource>of()
                    : list.value()) {
                items.add(DeploymentMapper.fromWire(dto, null));
            }
            String next = list.nextLink() == null || list.nextLink().isBlank() ? null : list.nextLink();
            return Page.of(items, next);
        }, "deployment list");
    }

    /** DELETE: 200 or 202 when the deployment existed, 204 when it did not. */
    boolean delete(String name) {
        HttpResult result = transport.send(call("DELETE", endpoints.deployment(name)).build());
        return result.statusCode() != 204;
    }

    /** The code and message of a failed operation, from its {@code Azure-AsyncOperation} status; empty if none. */
    Optional<String> failure(URI asyncOperation) {
        if (!endpoints.isArm(asyncOperation)) {
            return Optional.empty();
        }
        HttpResult result = transport.send(call("GET", asyncOperation).build());
        return reader.read(result, ArmDtos.Operation.class, op -> Optional.ofNullable(op.error())
                .filter(e -> e.code() != null || e.message() != null)
                .map(e -> (e.code() == null ? "" : e.code() + ": ") + (e.message() == null ? "" : e.message())),
                "operation status");
    }

    private HttpCall.Builder call(String method, URI uri) {
        return auth.apply(HttpCall.builder(method, uri).header("Accept", "application/json"));
    }

    private static URI uri(String value) {
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            return URI.create("invalid:/");
        }
    }

    @Override
    public String toString() {
        return "ArmClient[" + endpoints + "]";
    }
}
