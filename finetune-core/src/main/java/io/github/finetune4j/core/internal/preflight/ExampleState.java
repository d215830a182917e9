package io.github.finetune4j.core.internal.preflight;

import java.util.HashSet;
import java.util.Set;

/** What the checks of one example's messages share: declared tools, open tool calls, roles seen. */
final class ExampleState {
    /** Function names declared in {@code tools}, or null when the example declares none. */
    Set<String> declaredTools;
    /** Function names declared in the legacy {@code functions}, or null when none. */
    Set<String> declaredFunctions;
    final Set<String> callIds = new HashSet<>();
    final Set<String> openCalls = new HashSet<>();
    boolean hasSystem;
    boolean hasUser;
    boolean hasAssistant;
    boolean hasTrainableAssistant;
    int images;
    int assistantTokens;
    String lastRole;

    ExampleState sharingDeclarations() {
        ExampleState s = new ExampleState();
        s.declaredTools = declaredTools;
        s.declaredFunctions = declaredFunctions;
        return s;
    }
}
