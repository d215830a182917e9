package io.github.finetune4j.testkit.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.Map;

/**
 * What differs between routes for {@code /files}; {@link FileEndpoints} does the rest.
 */
public interface FileRules {

    /**
     * An upload the route accepted.
     *
     * @param filename the file name
     * @param purpose the purpose
     * @param content the bytes
     * @param processingError why processing will fail (Azure's {@code status_details}), or null
     */
    record Accepted(String filename, String purpose, Blob content, String processingError) {
    }

    /**
     * Returns the JSON shapes of the route.
     *
     * @return the shapes
     */
    ProtocolJson json();

    /**
     * Returns the look of the ids of uploaded files.
     *
     * @return the style
     */
    IdStyle idStyle();

    /**
     * Checks the form fields of an upload, with the route's error words.
     *
     * @param parts the multipart fields
     * @return what to store
     * @throws ApiError 400 for a missing or bad field
     */
    Accepted accept(Map<String, MultipartParser.Part> parts);

    /**
     * Answers a stored upload.
     *
     * @param request the request
     * @param file the stored file
     * @param body the file's JSON
     * @return 200, or 201 with {@code Location}
     */
    default Response uploaded(Request request, StoredFile file, ObjectNode body) {
        return json().ok(body);
    }

    /**
     * Tells whether the list takes {@code after}, {@code limit} and {@code order} and reports {@code has_more},
     * {@code first_id} and {@code last_id}; otherwise it lists every file, newest first.
     *
     * @return true for cursor paging
     */
    boolean cursorPaging();

    /**
     * Returns the error for a bad query parameter, in the route's words.
     *
     * @param message the message
     * @param param the parameter
     * @return the error
     */
    ApiError invalid(String message, String param);

    /**
     * Returns the error for an unknown file id.
     *
     * @param id the id
     * @return the error, a 404
     */
    ApiError fileNotFound(String id);

    /**
     * Refuses to serve the content of a file the route does not let clients download.
     *
     * @param file the file
     * @throws ApiError when the download is refused
     */
    default void checkDownload(StoredFile file) {
    }
}
