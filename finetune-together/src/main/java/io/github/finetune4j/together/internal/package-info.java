/** Together AI's wire: the dialect, DTOs, mappers, job bodies and downloads. Not an API. */
package io.github.finetune4j.together.internal;
