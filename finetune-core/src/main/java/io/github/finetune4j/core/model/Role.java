package io.github.finetune4j.core.model;

import java.util.Locale;
import java.util.Optional;

/** The author of a chat message. */
public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The person asking. */
    USER,
    /** The model answering; the turns a fine-tune learns. */
    ASSISTANT,
    /** The result of a tool call. */
    TOOL;

    /**
     * The lower-case word used on the wire.
     *
     * @return for example {@code assistant}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Maps a wire word onto a constant.
     *
     * @param raw the word, may be null
     * @return the constant, or empty when the word is not a role
     */
    public static Optional<Role> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(raw)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
