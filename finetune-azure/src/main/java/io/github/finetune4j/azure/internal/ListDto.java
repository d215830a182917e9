package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Wire form of a list: {@code data} and, where the route pages, {@code has_more} and {@code last_id}.
 *
 * @param <T> the item type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ListDto<T>(@JsonProperty("object") String object,
                  @JsonProperty("data") List<T> data,
                  @JsonProperty("has_more") Boolean hasMore,
                  @JsonProperty("last_id") String lastId) {
}
