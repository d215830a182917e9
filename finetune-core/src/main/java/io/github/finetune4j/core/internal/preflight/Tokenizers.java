package io.github.finetune4j.core.internal.preflight;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.github.finetune4j.core.preflight.TokenEncoding;

/**
 * The jtokkit encodings, each loaded once on first use (about 0.5 s and 31 MB of heap for o200k_base, 14 MB for
 * cl100k_base) and shared: a jtokkit {@link Encoding} is immutable and thread-safe.
 */
public final class Tokenizers {
    private Tokenizers() {
    }

    /**
     * The encoding for a tiktoken name.
     *
     * @param encoding the encoding
     * @return the shared jtokkit encoding
     */
    public static Encoding get(TokenEncoding encoding) {
        return encoding == TokenEncoding.CL100K_BASE ? Cl100k.ENCODING : O200k.ENCODING;
    }

    private static final class Cl100k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    }

    private static final class O200k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }
}
