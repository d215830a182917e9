package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Wire form of a list envelope ({@code object: "list"}); exported for providers whose lists have this shape.
 *
 * @param data the items
 * @param hasMore whether another page follows
 * @param firstId the first item's id (files, checkpoints)
 * @param lastId the last item's id (files, checkpoints)
 * @param <T> the item type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListDto<T>(@JsonProperty("data") List<T> data,
                         @JsonProperty("has_more") Boolean hasMore,
                         @JsonProperty("first_id") String firstId,
                         @JsonProperty("last_id") String lastId) {
}
