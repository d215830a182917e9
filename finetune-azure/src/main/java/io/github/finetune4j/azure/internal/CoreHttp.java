package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.spi.HttpStack;
import io.github.finetune4j.core.spi.ProviderContext;

import java.time.Clock;

/**
 * The core's HTTP stack for requests outside a fine-tuning client, such as Azure Resource Manager. Thread-safe.
 */
public final class CoreHttp implements AutoCloseable {
    private final HttpStack stack;

    private CoreHttp(HttpStack stack) {
        this.stack = stack;
    }

    /**
     * Opens an HTTP stack.
     *
     * @param id names the service in messages and logs, for example {@code azure-arm}
     * @param retryPolicy the retry policy
     * @param clock the clock
     * @return the stack; close it when done
     */
    public static CoreHttp open(String id, RetryPolicy retryPolicy, Clock clock) {
        return new CoreHttp(HttpStack.open(id, retryPolicy, clock));
    }

    /**
     * The context with the transport and the JSON mapper.
     *
     * @return the context
     */
    public ProviderContext context() {
        return stack.context();
    }

    @Override
    public void close() {
        stack.close();
    }
}
