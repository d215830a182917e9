package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.FineTuneClient;

/**
 * Implemented by provider-specific clients that extend a core client by delegation (for example Azure's client with
 * its file import), so that core features which need the core client, such as {@code BatchChat}, can reach it.
 */
public interface ClientExtension {
    /**
     * The core client this client delegates to.
     *
     * @return the client built by {@code FineTuneClient.builder()}
     */
    FineTuneClient coreClient();
}
