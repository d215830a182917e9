package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings of one client, as the builder collected them.
 *
 * @param environment where configuration variables are read
 * @param retryPolicy how HTTP requests are retried
 * @param connectTimeout the connect timeout
 * @param requestTimeout the default request timeout
 * @param uploadTimeout the timeout of one upload
 * @param fileProcessingTimeout how long to wait for uploaded files to be processed
 * @param defaultWaitOptions the options of awaitCompletion() and the cadence of file polling
 * @param clock the clock
 * @param allowInsecureHttp whether plain http to non-loopback hosts is allowed
 * @param lifecycleHorizon how far ahead lifecycle dates are warned about
 */
public record ClientConfig(EnvironmentLookup environment, RetryPolicy retryPolicy, Duration connectTimeout,
                           Duration requestTimeout, Duration uploadTimeout, Duration fileProcessingTimeout,
                           WaitOptions defaultWaitOptions, Clock clock, boolean allowInsecureHttp,
                           Duration lifecycleHorizon) {
}
