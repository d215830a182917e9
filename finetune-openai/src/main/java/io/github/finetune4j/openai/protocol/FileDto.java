package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of an OpenAI file object ({@code object: "file"}).
 *
 * @param id the file id
 * @param bytes the size
 * @param createdAt Unix seconds
 * @param filename the uploaded name
 * @param purpose the purpose
 * @param status the deprecated processing status, may be absent
 * @param statusDetails the deprecated failure detail
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FileDto(@JsonProperty("id") String id,
                      @JsonProperty("bytes") Long bytes,
                      @JsonProperty("created_at") Long createdAt,
                      @JsonProperty("filename") String filename,
                      @JsonProperty("purpose") String purpose,
                      @JsonProperty("status") String status,
                      @JsonProperty("status_details") String statusDetails) {
}
