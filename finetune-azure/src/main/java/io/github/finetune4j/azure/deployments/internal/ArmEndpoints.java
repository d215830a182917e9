package io.github.finetune4j.azure.deployments.internal;

import io.github.finetune4j.azure.internal.Urls;

import java.net.URI;
import java.util.Objects;

/**
 * The ARM URLs of one account's deployments:
 * {@code {arm}/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.CognitiveServices/accounts/{a}/deployments}.
 */
public final class ArmEndpoints {
    private final URI arm;
    private final String base;
    private final String apiVersion;

    /**
     * Creates the endpoints.
     *
     * @param arm the ARM root, for example {@code https://management.azure.com}
     * @param subscriptionId the subscription
     * @param resourceGroup the resource group
     * @param accountName the Azure OpenAI account (resource) name
     * @param apiVersion the ARM api-version
     */
    public ArmEndpoints(URI arm, String subscriptionId, String resourceGroup, String accountName, String apiVersion) {
        this.arm = Objects.requireNonNull(arm, "arm");
        this.base = arm + "/subscriptions/" + Urls.segment(subscriptionId) + "/resourceGroups/"
                + Urls.segment(resourceGroup) + "/providers/Microsoft.CognitiveServices/accounts/"
                + Urls.segment(accountName) + "/deployments";
        this.apiVersion = Urls.query(apiVersion);
    }

    URI deployments() {
        return URI.create(base + "?api-version=" + apiVersion);
    }

    URI deployment(String name) {
        return URI.create(base + "/" + Urls.segment(name) + "?api-version=" + apiVersion);
    }

    /** Tells whether a URL from a response (nextLink, Azure-AsyncOperation) may get the ARM token. */
    boolean isArm(URI uri) {
        return Urls.sameOrigin(arm, uri);
    }

    @Override
    public String toString() {
        return base;
    }
}
