package io.github.finetune4j.migrate;

import java.util.Locale;

/** Whether the content of a source job's file can still be downloaded. */
public enum FileAvailability {
    /** The provider has the file; its content can be downloaded. */
    AVAILABLE,
    /** The provider no longer has the file (deleted, or expired): 404. */
    GONE,
    /** The file exists but the provider refuses to hand out its content. */
    NOT_DOWNLOADABLE,
    /** The provider could not say (an error other than 404). */
    UNKNOWN;

    /**
     * The lower-case name used in the manifest and in JSON output.
     *
     * @return for example {@code gone}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}.
     *
     * @param name the name
     * @return the constant; {@link #UNKNOWN} for anything else
     */
    public static FileAvailability fromWireName(String name) {
        for (FileAvailability a : values()) {
            if (a.wireName().equals(name)) {
                return a;
            }
        }
        return UNKNOWN;
    }
}
