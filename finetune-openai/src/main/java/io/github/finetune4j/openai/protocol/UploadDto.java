package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of an Upload object ({@code object: "upload"}).
 *
 * @param id the upload id
 * @param bytes the announced total size
 * @param createdAt creation time, Unix seconds
 * @param expiresAt expiry time, Unix seconds
 * @param filename the name of the file to create
 * @param purpose the file's purpose
 * @param status {@code pending}, {@code completed}, {@code cancelled} or {@code expired}
 * @param file the created file; set once the upload is completed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record UploadDto(@JsonProperty("id") String id,
                        @JsonProperty("bytes") Long bytes,
                        @JsonProperty("created_at") Long createdAt,
                        @JsonProperty("expires_at") Long expiresAt,
                        @JsonProperty("filename") String filename,
                        @JsonProperty("purpose") String purpose,
                        @JsonProperty("status") String status,
                        @JsonProperty("file") FileDto file) {
}
