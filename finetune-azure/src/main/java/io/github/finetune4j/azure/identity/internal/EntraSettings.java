package io.github.finetune4j.azure.identity.internal;

import io.github.finetune4j.azure.internal.Urls;
import io.github.finetune4j.core.EnvironmentLookup;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** Shared resolution and checks of the Entra ID credential settings. */
public final class EntraSettings {
    /** The plane named in Entra ID error messages. */
    public static final String ENTRA_PLANE = "azure-entra";
    /** The plane named in managed identity error messages. */
    public static final String MANAGED_IDENTITY_PLANE = "azure-managed-identity";

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,253}");

    private EntraSettings() {
    }

    /**
     * An explicit value, else an environment variable.
     *
     * @param explicit the builder value
     * @param environment where to look
     * @param variable the variable name
     * @param setter the builder method, for the message
     * @return the value
     * @throws IllegalStateException naming the setter and the variable if neither is set
     */
    public static String require(Optional<String> explicit, EnvironmentLookup environment, String variable,
                                 String setter) {
        return explicit.or(() -> environment.get(variable).map(String::trim)).orElseThrow(() ->
                new IllegalStateException(setter + " missing: call " + setter + "(...) or set " + variable));
    }

    /**
     * Checks a tenant id (a GUID or a verified domain such as {@code contoso.onmicrosoft.com}).
     *
     * @param tenantId the id
     * @return the id
     * @throws IllegalArgumentException if it contains characters no tenant id has
     */
    public static String tenant(String tenantId) {
        if (!TENANT.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenantId must be a GUID or a domain name");
        }
        return tenantId;
    }

    /**
     * The authority host: explicit, else {@code AZURE_AUTHORITY_HOST}, else the public cloud.
     *
     * @param explicit the builder value
     * @param environment where to look
     * @param variable the variable name
     * @param defaultHost the default
     * @return the checked host
     */
    public static URI authority(Optional<URI> explicit, EnvironmentLookup environment, String variable,
                                String defaultHost) {
        URI host = explicit.orElseGet(() -> Urls.parseBase(environment.get(variable).orElse(defaultHost),
                "authority host"));
        return Urls.requireSecure(host, "authority host");
    }

    /**
     * The v2.0 token endpoint of a tenant.
     *
     * @param authority the authority host
     * @param tenantId the checked tenant id
     * @return {@code <authority>/<tenant>/oauth2/v2.0/token}
     */
    public static URI tokenUri(URI authority, String tenantId) {
        return URI.create(authority + "/" + Urls.segment(tenantId) + "/oauth2/v2.0/token");
    }
}
