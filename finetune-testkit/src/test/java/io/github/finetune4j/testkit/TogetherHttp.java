package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests to the emulator's Together dialect ({@code /together/v1}) for tests: the shared {@link EmulatorHttp}
 * pointed at {@link FineTuningEmulator#togetherBaseUrl()}, plus Together's multipart upload.
 */
final class TogetherHttp {

    static final String LLAMA = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
    static final String QWEN = "Qwen/Qwen3-8B";

    private final EmulatorHttp http;

    TogetherHttp(FineTuningEmulator emulator) {
        this.http = new EmulatorHttp(emulator.togetherBaseUrl(), emulator.apiKey());
    }

    EmulatorHttp.Reply get(String path) {
        return http.get(path);
    }

    EmulatorHttp.Reply delete(String path) {
        return http.delete(path);
    }

    EmulatorHttp.Reply post(String path) {
        return http.post(path);
    }

    EmulatorHttp.Reply post(String path, String json) {
        return http.post(path, json);
    }

    EmulatorHttp.Reply send(HttpRequest request) {
        return http.send(request);
    }

    HttpRequest.Builder request(String path) {
        return http.request(path);
    }

    /** Uploads with the form fields given (in order); {@code file} is sent as a file part. */
    EmulatorHttp.Reply upload(Map<String, String> fields, byte[] file) {
        String boundary = "----together-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        if (file != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.jsonl\""
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return http.send(http.request("/files/upload").header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Uploads a fine-tune JSONL file and returns its JSON; fails the test on a non-200 answer. */
    JsonNode uploadJsonl(String fileName, byte[] content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("purpose", "fine-tune");
        fields.put("file_name", fileName);
        fields.put("file_type", "jsonl");
        EmulatorHttp.Reply reply = upload(fields, content);
        if (reply.status() != 200) {
            throw new IllegalStateException("upload failed: " + reply.body());
        }
        return reply.json();
    }

    /** Uploads a dataset from the test resources and returns its id. */
    String uploadDataset(String resource) {
        return uploadJsonl(resource, EmulatorHttp.dataset(resource)).get("id").asText();
    }

    /** Creates a job and returns its JSON; fails the test on a non-200 answer. */
    JsonNode createJob(String json) {
        EmulatorHttp.Reply reply = post("/fine-tunes", json);
        if (reply.status() != 200) {
            throw new IllegalStateException("create failed: " + reply.body());
        }
        return reply.json();
    }

    JsonNode job(String id) {
        return get("/fine-tunes/" + id).json();
    }

    /** The smallest create body for a file: LoRA SFT of Llama 3.1 8B. */
    static String loraJob(String file) {
        return "{\"model\":\"" + LLAMA + "\",\"training_file\":\"" + file + "\"}";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
