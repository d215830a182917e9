package io.github.finetune4j.core.internal.preflight;

/**
 * The secret detectors of {@link PiiScanner}: each returns the end of the secret starting at {@code start}, or -1.
 */
final class SecretDetector {
    private static final int MIN_OPENAI_KEY_BODY = 20;
    private static final int MIN_BEARER_TOKEN = 16;
    private static final int AWS_KEY_LENGTH = 20;
    private static final int MAX_KEY_BLOCK = 16 * 1024;

    private SecretDetector() {
    }

    static int openAiKey(String s, int start) {
        if (!s.startsWith("sk-", start)) {
            return -1;
        }
        int i = start + 3;
        int n = s.length();
        while (i < n && isKeyChar(s.charAt(i))) {
            i++;
        }
        return i - start - 3 >= MIN_OPENAI_KEY_BODY ? i : -1;
    }

    private static boolean isKeyChar(char c) {
        return PiiScanner.isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    static int awsKey(String s, int start) {
        if (start + AWS_KEY_LENGTH > s.length()) {
            return -1;
        }
        if (!(s.startsWith("AKIA", start) || s.startsWith("ASIA", start) || s.startsWith("ABIA", start)
                || s.startsWith("ACCA", start))) {
            return -1;
        }
        for (int i = start + 4; i < start + AWS_KEY_LENGTH; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return -1;
            }
        }
        int end = start + AWS_KEY_LENGTH;
        return PiiScanner.boundaryAfter(s, end) ? end : -1;
    }

    static int bearer(String s, int start) {
        if (!s.regionMatches(true, start, "bearer", 0, 6)) {
            return -1;
        }
        int i = start + 6;
        int n = s.length();
        int spaces = i;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == spaces) {
            return -1;
        }
        int tokenStart = i;
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i - tokenStart >= MIN_BEARER_TOKEN ? i : -1;
    }

    private static boolean isTokenChar(char c) {
        return PiiScanner.isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' || c == '+'
                || c == '/' || c == '=' || c == '-';
    }

    static int privateKey(String s, int start) {
        if (!s.startsWith("-----BEGIN ", start)) {
            return -1;
        }
        int headerEnd = s.indexOf("-----", start + 11);
        if (headerEnd < 0 || headerEnd - start > 80) {
            return -1;
        }
        String label = s.substring(start + 11, headerEnd);
        if (!label.endsWith("PRIVATE KEY")) {
            return -1;
        }
        // a key block is a few kilobytes: looking further would make a text of many headers quadratic
        String end = "-----END " + label + "-----";
        int limit = Math.min(s.length(), headerEnd + 5 + MAX_KEY_BLOCK);
        for (int at = s.indexOf('-', headerEnd + 5); at >= 0 && at + end.length() <= limit;
             at = s.indexOf('-', at + 1)) {
            if (s.startsWith(end, at)) {
                return at + end.length();
            }
            if (at > limit) {
                break;
            }
        }
        return headerEnd + 5;
    }
}
