package io.github.finetune4j.testkit.internal.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartParserTest {

    private static final String BODY = "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
            + "fine-tune\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"a;b \\\"c\\\".jsonl\"\r\n"
            + "Content-Type: application/jsonl\r\n\r\n"
            + "line1\r\nline2\n\r\n"
            + "--XyZ--\r\n";

    @Test
    void parsesFieldsAndFilesKeepingBytesExactly() {
        Map<String, MultipartParser.Part> parts = MultipartParser.parse("multipart/form-data; boundary=XyZ",
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(parts.get("purpose").text()).isEqualTo("fine-tune");
        assertThat(parts.get("purpose").filename()).isNull();
        MultipartParser.Part file = parts.get("file");
        assertThat(file.filename()).isEqualTo("a;b \"c\".jsonl");
        assertThat(file.contentType()).isEqualTo("application/jsonl");
        assertThat(file.text()).isEqualTo("line1\r\nline2\n");
    }

    @Test
    void acceptsAQuotedBoundary() {
        Map<String, MultipartParser.Part> parts = MultipartParser.parse("multipart/form-data; boundary=\"XyZ\"",
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(parts).containsKeys("purpose", "file");
    }

    @Test
    void rejectsOtherContentTypesAndTruncatedBodies() {
        assertThatThrownBy(() -> MultipartParser.parse("application/json", new byte[0]))
                .isInstanceOf(ApiError.class);
        byte[] truncated = BODY.substring(0, 60).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data; boundary=XyZ", truncated))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("could not understand");
    }
}
