package io.github.finetune4j.azure.deployments.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** Wire forms of ARM deployments ({@code Microsoft.CognitiveServices/accounts/deployments}, 2024-10-01). */
final class ArmDtos {
    private ArmDtos() {
    }

    /** A deployment resource. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeploymentResource(@JsonProperty("id") String id,
                      @JsonProperty("name") String name,
                      @JsonProperty("type") String type,
                      @JsonProperty("sku") Sku sku,
                      @JsonProperty("tags") Map<String, String> tags,
                      @JsonProperty("systemData") SystemData systemData,
                      @JsonProperty("properties") Properties properties) {
    }

    /** The SKU. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sku(@JsonProperty("name") String name,
               @JsonProperty("capacity") Integer capacity) {
    }

    /** ARM's creation and modification record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SystemData(@JsonProperty("createdAt") String createdAt,
                      @JsonProperty("lastModifiedAt") String lastModifiedAt) {
    }

    /** The deployment properties. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Properties(@JsonProperty("provisioningState") String provisioningState,
                      @JsonProperty("model") Model model,
                      @JsonProperty("raiPolicyName") String raiPolicyName) {
    }

    /** The deployed model. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Model(@JsonProperty("format") String format,
                 @JsonProperty("name") String name,
                 @JsonProperty("version") String version) {
    }

    /** A page of deployments. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeploymentList(@JsonProperty("value") List<DeploymentResource> value,
                          @JsonProperty("nextLink") String nextLink) {
    }

    /** The status behind an {@code Azure-AsyncOperation} URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Operation(@JsonProperty("status") String status,
                     @JsonProperty("error") ArmError error) {
    }

    /** An ARM error ({@code code}, {@code message}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArmError(@JsonProperty("code") String code,
                 @JsonProperty("message") String message) {
    }
}
