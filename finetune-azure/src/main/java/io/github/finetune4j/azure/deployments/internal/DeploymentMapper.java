package io.github.finetune4j.azure.deployments.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.ProvisioningState;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Translates deployments between the public records and ARM's JSON. */
final class DeploymentMapper {
    private DeploymentMapper() {
    }

    /** The PUT body: {@code {sku:{name,capacity}, properties:{model:{format,name,version}, raiPolicyName}, tags}}. */
    static ObjectNode toWire(ObjectMapper mapper, DeploymentRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("sku").put("name", request.sku().name()).put("capacity", request.capacity());
        ObjectNode properties = body.putObject("properties");
        properties.putObject("model").put("format", request.modelFormat()).put("name", request.model())
                .put("version", request.modelVersion());
        request.raiPolicyName().ifPresent(p -> properties.put("raiPolicyName", p));
        if (!request.tags().isEmpty()) {
            ObjectNode tags = body.putObject("tags");
            request.tags().forEach(tags::put);
        }
        return body;
    }

    static Deployment fromWire(ArmDtos.DeploymentResource dto, URI asyncOperation) {
        require(dto, "deployment");
        ArmDtos.Properties properties = require(dto.properties(), "properties");
        ArmDtos.Model model = require(properties.model(), "properties.model");
        String raw = properties.provisioningState() == null ? "" : properties.provisioningState();
        ArmDtos.Sku sku = require(dto.sku(), "sku");
        return Deployment.builder()
                .name(requireText(dto.name(), "name"))
                .id(requireText(dto.id(), "id"))
                .state(ProvisioningState.parse(raw))
                .rawState(raw)
                .sku(DeploymentSku.of(requireText(sku.name(), "sku.name")))
                .capacity(sku.capacity())
                .model(requireText(model.name(), "properties.model.name"))
                .modelVersion(model.version())
                .raiPolicyName(properties.raiPolicyName())
                .tags(tags(dto.tags()))
                .createdAt(dto.systemData() == null ? null : instant(dto.systemData().createdAt()))
                .asyncOperation(asyncOperation)
                .build();
    }

    private static Map<String, String> tags(Map<String, String> tags) {
        Map<String, String> clean = new HashMap<>();
        if (tags != null) {
            tags.forEach((k, v) -> {
                if (k != null && v != null) {
                    clean.put(k, v);
                }
            });
        }
        return clean;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalStateException("missing required field '" + field + "'");
        }
        return value;
    }

    private static String requireText(String value, String field) {
        if (require(value, field).isBlank()) {
            throw new IllegalStateException("blank required field '" + field + "'");
        }
        return value;
    }
}
