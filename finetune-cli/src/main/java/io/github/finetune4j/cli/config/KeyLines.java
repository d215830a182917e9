package io.github.finetune4j.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The line of every key of a YAML document, by dotted path, recorded while streaming it (for error messages). */
final class KeyLines {
    private KeyLines() {
    }

    static void record(JsonParser p, Map<String, Integer> lines) throws IOException {
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> inObject = new ArrayDeque<>();
        String pending = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case FIELD_NAME:
                    pending = p.currentName();
                    String key = path.isEmpty() ? pending : String.join(".", reversed(path)) + "." + pending;
                    lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
                    break;
                case START_OBJECT:
                    if (pending != null) {
                        path.push(pending);
                    }
                    inObject.push(pending != null);
                    pending = null;
                    break;
                case END_OBJECT:
                    if (!inObject.isEmpty() && inObject.pop() && !path.isEmpty()) {
                        path.pop();
                    }
                    break;
                case START_ARRAY:
                    p.skipChildren();
                    pending = null;
                    break;
                default:
                    pending = null;
                    break;
            }
        }
    }

    private static List<String> reversed(Deque<String> path) {
        List<String> out = new ArrayList<>(path);
        Collections.reverse(out);
        return out;
    }
}
