package io.github.finetune4j.testkit.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path such as {@code /fine_tuning/jobs/{id}/events}: literal segments and {@code {name}} segments, each
 * matching exactly one decoded segment.
 */
public final class PathTemplate {

    private final String template;
    private final List<String> parts;

    private PathTemplate(String template) {
        this.template = template;
        this.parts = Paths.segments(template);
    }

    /**
     * Parses a template.
     *
     * @param template the template, starting with {@code /}
     * @return the template
     */
    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    /**
     * Matches decoded segments.
     *
     * @param segments the request's segments
     * @return the path parameters, or null when the path does not match
     */
    public Map<String, String> match(List<String> segments) {
        if (segments.size() != parts.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            String segment = segments.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segment.isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), segment);
            } else if (!part.equals(segment)) {
                return null;
            }
        }
        return params;
    }

    @Override
    public String toString() {
        return template;
    }
}
