/**
 * Not API. May change in any release.
 */
package io.github.finetune4j.azure.deployments.internal;
