package io.github.finetune4j.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The shared Jackson configuration. */
public final class Json {
    private Json() {
    }

    /**
     * A new mapper that ignores unknown properties. Create one per client and share it.
     *
     * @return the mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
