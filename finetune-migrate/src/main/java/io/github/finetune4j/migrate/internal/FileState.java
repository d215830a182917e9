package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A file of the source job in the manifest: what the provider said about it and where its local copy is. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FileState {
    /** The provider's file id. */
    public String id;
    /** The provider's file name, when known. */
    public String filename;
    /** The size the provider reported, when known. */
    public Long bytes;
    /** {@code available}, {@code gone}, {@code not_downloadable} or {@code unknown}. */
    public String availability;
    /** Why it is not available, as the provider said. */
    public String detail;
    /** The local copy, relative to the migration folder, once downloaded. */
    public String path;
    /** SHA-256 of the local copy, lower-case hex. */
    public String sha256;
    /** Size of the local copy. */
    public Long localBytes;
    /** When it was downloaded (ISO-8601). */
    public String downloadedAt;

    /**
     * Whether the local copy has been made.
     *
     * @return true once downloaded and checksummed
     */
    @JsonIgnore
    public boolean isDownloaded() {
        return path != null && sha256 != null;
    }
}
