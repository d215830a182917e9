package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of an UploadPart object ({@code object: "upload.part"}).
 *
 * @param id the part id
 * @param uploadId the upload the part belongs to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record UploadPartDto(@JsonProperty("id") String id, @JsonProperty("upload_id") String uploadId) {
}
