package io.github.finetune4j.testkit.internal.together;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The fake weights a Together download serves: a gzip-compressed tar with a config, a {@code .safetensors} file of
 * deterministic pseudo-random bytes and a README that says what it is. The same job and kind always give the same
 * bytes, so that a download can be resumed with {@code Range} and checked with a digest. Not a usable model.
 */
final class AdapterArchive {

    /** The size of the fake weight tensor in an adapter archive. */
    static final int ADAPTER_WEIGHT_BYTES = 128 * 1024;

    /** The size of the fake weight tensor in a merged or full archive. */
    static final int MERGED_WEIGHT_BYTES = 256 * 1024;

    private AdapterArchive() {
    }

    /**
     * Builds an archive.
     *
     * @param job the job
     * @param kind {@code adapter}, {@code merged}, {@code model_output_path} or {@code step-N}
     * @return the {@code .tar.gz} bytes
     */
    static byte[] build(TogetherJob job, String kind) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        boolean adapter = kind.equals("adapter") || (kind.startsWith("step-") && job.params.lora);
        String readme = "# " + job.outputName() + " (" + kind + ")\n\nFake weights from the finetune4j "
                + "FineTuningEmulator for job " + job.id() + ", base model " + job.params.model.id()
                + ". Not a usable model.\n";
        entries.put("README.md", readme.getBytes(StandardCharsets.UTF_8));
        if (adapter) {
            entries.put("adapter_config.json", ("{\"base_model_name_or_path\":\"" + job.params.model.id()
                    + "\",\"peft_type\":\"LORA\",\"r\":" + job.params.loraR + ",\"lora_alpha\":"
                    + job.params.loraAlpha + ",\"lora_dropout\":" + job.params.loraDropout
                    + ",\"target_modules\":\"" + job.params.loraModules + "\"}\n").getBytes(StandardCharsets.UTF_8));
            entries.put("adapter_model.safetensors", safetensors(job.id() + ":" + kind, ADAPTER_WEIGHT_BYTES));
        } else {
            entries.put("config.json", ("{\"_name_or_path\":\"" + job.outputName() + "\",\"base_model\":\""
                    + job.params.model.id() + "\"}\n").getBytes(StandardCharsets.UTF_8));
            entries.put("model.safetensors", safetensors(job.id() + ":" + kind, MERGED_WEIGHT_BYTES));
        }
        long mtime = job.core.createdAt().getEpochSecond();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                writeEntry(gzip, entry.getKey(), entry.getValue(), mtime);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal safetensors file: an 8-byte little-endian header length, a JSON header, the tensor bytes. */
    private static byte[] safetensors(String seedKey, int size) {
        byte[] header = ("{\"weight\":{\"dtype\":\"U8\",\"shape\":[" + size + "],\"data_offsets\":[0," + size
                + "]}}").getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[8 + header.length + size];
        long length = header.length;
        for (int i = 0; i < 8; i++) {
            data[i] = (byte) (length >>> (8 * i));
        }
        System.arraycopy(header, 0, data, 8, header.length);
        byte[] weights = new byte[size];
        new SplittableRandom(seedKey.hashCode()).nextBytes(weights);
        System.arraycopy(weights, 0, data, 8 + header.length, size);
        return data;
    }

    /** Writes one ustar entry: a 512-byte header, the data, zero padding to 512. */
    private static void writeEntry(OutputStream out, String name, byte[] data, long mtime) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", data.length), 12);
        put(header, 136, String.format("%011o", mtime), 12);
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        put(header, 265, "finetune4j", 32);
        put(header, 297, "finetune4j", 32);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum), 7);
        header[155] = ' ';
        out.write(header);
        out.write(data);
        int padding = (512 - data.length % 512) % 512;
        out.write(new byte[padding]);
    }

    private static void put(byte[] header, int offset, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }
}
