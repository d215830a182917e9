package io.github.finetune4j.core.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of text fields and files. Files are streamed from disk when sent.
 *
 * <pre>{@code
 * MultipartForm.builder().field("purpose", "fine-tune").file("file", path, "train.jsonl", "application/jsonl").build();
 * }</pre>
 *
 * @param boundary the part boundary
 * @param parts the parts in order
 */
public record MultipartForm(String boundary, List<Part> parts) {
    /**
     * Validates the components.
     *
     * @param boundary the part boundary
     * @param parts the parts in order
     */
    public MultipartForm {
        Objects.requireNonNull(boundary, "boundary");
        parts = List.copyOf(parts);
    }

    /**
     * Starts an empty form with a random boundary.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One part of the form.
     *
     * @param name the form field name
     * @param value the text value of a field part; empty for a file part
     * @param file the file of a file part; empty for a field part
     * @param filename the filename sent with a file part
     * @param contentType the content type of a file part
     * @param region the byte range of the file to send; empty for the whole file or a field part
     */
    public record Part(String name, Optional<String> value, Optional<Path> file, Optional<String> filename,
                       Optional<String> contentType, Optional<FileRegion> region) {
        /**
         * Validates the components.
         *
         * @param name the form field name
         * @param value the text value of a field part; empty for a file part
         * @param file the file of a file part; empty for a field part
         * @param filename the filename sent with a file part
         * @param contentType the content type of a file part
         * @param region the byte range of the file to send; empty for the whole file or a field part
         */
        public Part {
            Objects.requireNonNull(name, "name");
            value = value == null ? Optional.empty() : value;
            file = file == null ? Optional.empty() : file;
            filename = filename == null ? Optional.empty() : filename;
            contentType = contentType == null ? Optional.empty() : contentType;
            region = region == null ? Optional.empty() : region;
            if (value.isPresent() == file.isPresent()) {
                throw new IllegalArgumentException("a part has either a value or a file");
            }
            if (region.isPresent() && file.isEmpty()) {
                throw new IllegalArgumentException("only a file part can have a region");
            }
        }

        /**
         * Creates a field part or a whole-file part.
         *
         * @param name the form field name
         * @param value the text value of a field part; empty for a file part
         * @param file the file of a file part; empty for a field part
         * @param filename the filename sent with a file part
         * @param contentType the content type of a file part
         */
        public Part(String name, Optional<String> value, Optional<Path> file, Optional<String> filename,
                    Optional<String> contentType) {
            this(name, value, file, filename, contentType, Optional.empty());
        }
    }

    /**
     * A byte range of a file: {@code length} bytes starting at {@code offset}.
     *
     * @param offset the position of the first byte, zero-based
     * @param length the number of bytes
     */
    public record FileRegion(long offset, long length) {
        /**
         * Validates the components.
         *
         * @param offset the position of the first byte, zero-based
         * @param length the number of bytes
         */
        public FileRegion {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative: " + offset);
            }
            if (length < 0) {
                throw new IllegalArgumentException("length must not be negative: " + length);
            }
        }
    }

    /** Builds a {@link MultipartForm}. Not thread-safe. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private String boundary = "finetune4j-" + UUID.randomUUID();

        private Builder() {
        }

        /**
         * Sets the boundary to use instead of a random one.
         *
         * @param boundary the boundary to use instead of a random one
         * @return this builder
         */
        public Builder boundary(String boundary) {
            this.boundary = Objects.requireNonNull(boundary, "boundary");
            return this;
        }

        /**
         * Adds a text field.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder field(String name, String value) {
            parts.add(new Part(name, Optional.of(Objects.requireNonNull(value, "value")), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            return this;
        }

        /**
         * Adds a file, streamed from disk when the request is sent.
         *
         * @param name the field name
         * @param file the file on disk
         * @param filename the filename to send (providers check its extension)
         * @param contentType the file's content type
         * @return this builder
         */
        public Builder file(String name, Path file, String filename, String contentType) {
            parts.add(new Part(name, Optional.empty(), Optional.of(Objects.requireNonNull(file, "file")),
                    Optional.of(Objects.requireNonNull(filename, "filename")),
                    Optional.of(Objects.requireNonNull(contentType, "contentType"))));
            return this;
        }

        /**
         * Adds a byte range of a file, streamed from disk when the request is sent; the rest of the file is not read.
         *
         * @param name the field name
         * @param file the file on disk
         * @param offset the position of the first byte to send, zero-based
         * @param length the number of bytes to send
         * @param filename the filename to send
         * @param contentType the content type of the range
         * @return this builder
         */
        public Builder fileRegion(String name, Path file, long offset, long length, String filename,
                                  String contentType) {
            parts.add(new Part(name, Optional.empty(), Optional.of(Objects.requireNonNull(file, "file")),
                    Optional.of(Objects.requireNonNull(filename, "filename")),
                    Optional.of(Objects.requireNonNull(contentType, "contentType")),
                    Optional.of(new FileRegion(offset, length))));
            return this;
        }

        /**
         * Builds the form.
         *
         * @return the form
         */
        public MultipartForm build() {
            return new MultipartForm(boundary, parts);
        }
    }
}
