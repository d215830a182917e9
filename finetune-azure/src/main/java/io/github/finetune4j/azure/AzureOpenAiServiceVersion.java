package io.github.finetune4j.azure;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dated Azure OpenAI data-plane {@code api-version}. Any dated value is accepted, so newer versions work before
 * this SDK names them; the constants are the ones the SDK was tested against.
 *
 * @param value the version, {@code yyyy-MM-dd} or {@code yyyy-MM-dd-preview}
 */
public record AzureOpenAiServiceVersion(String value) {
    // Declared before the constants below, which need them during class initialisation.
    private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");
    private static final String FIRST_WITH_PAUSE = "2025-04-01";

    /** {@code 2024-06-01} (GA). */
    public static final AzureOpenAiServiceVersion V2024_06_01 = new AzureOpenAiServiceVersion("2024-06-01");
    /** {@code 2024-10-21}, the latest GA version and the default. */
    public static final AzureOpenAiServiceVersion V2024_10_21 = new AzureOpenAiServiceVersion("2024-10-21");
    /** {@code 2025-03-01-preview}. */
    public static final AzureOpenAiServiceVersion V2025_03_01_PREVIEW =
            new AzureOpenAiServiceVersion("2025-03-01-preview");
    /** {@code 2025-04-01-preview}, the last dated preview (adds pause and resume, DPO). */
    public static final AzureOpenAiServiceVersion V2025_04_01_PREVIEW =
            new AzureOpenAiServiceVersion("2025-04-01-preview");
    /**
     * Validates the components.
     *
     * @param value the version, {@code yyyy-MM-dd} or {@code yyyy-MM-dd-preview}
     */
    public AzureOpenAiServiceVersion {
        Objects.requireNonNull(value, "value");
        if (!DATED.matcher(value).matches()) {
            throw new IllegalArgumentException("api-version must look like 2024-10-21 or 2025-04-01-preview: "
                    + value);
        }
    }

    /**
     * Parses a version.
     *
     * @param value for example {@code 2024-10-21}
     * @return the version
     * @throws IllegalArgumentException if it is not a dated version
     */
    public static AzureOpenAiServiceVersion of(String value) {
        return new AzureOpenAiServiceVersion(Objects.requireNonNull(value, "value").trim());
    }

    /**
     * The latest GA version, the default.
     *
     * @return {@link #V2024_10_21}
     */
    public static AzureOpenAiServiceVersion latestGa() {
        return V2024_10_21;
    }

    /**
     * Tells whether this is a preview version.
     *
     * @return true for {@code ...-preview}
     */
    public boolean isPreview() {
        return value.endsWith("-preview");
    }

    /**
     * Tells whether the dated route of this version has job pause/resume and the {@code method} field (DPO): preview
     * versions from {@code 2025-04-01-preview} on. GA versions have neither.
     *
     * @return true if pause, resume and DPO are available
     */
    public boolean supportsPreviewJobFeatures() {
        return isPreview() && value.substring(0, 10).compareTo(FIRST_WITH_PAUSE) >= 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
