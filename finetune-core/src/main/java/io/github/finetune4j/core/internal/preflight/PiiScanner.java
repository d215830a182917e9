package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.PiiKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds personal data and secrets in one pass over a string, without regular expressions: each kind starts with a
 * cheap trigger character ({@code @}, a digit or {@code +}, an upper-case letter followed by two digits, {@code sk-},
 * {@code AKIA}, {@code Bearer}, {@code -----BEGIN}) and is then confirmed by its checksum or shape. Stateless and
 * thread-safe.
 */
final class PiiScanner {
    static final PiiMatch[] NONE = new PiiMatch[0];
    private static final int MAX_DIGITS = 20;

    private PiiScanner() {
    }

    /**
     * Scans a string.
     *
     * @param s the text
     * @return the findings in order, not overlapping; {@link #NONE} if there are none
     */
    static PiiMatch[] scan(String s) {
        List<PiiMatch> out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end = -1;
            PiiKind kind = null;
            if (c == '@') {
                PiiMatch m = email(s, i, out == null || out.isEmpty() ? 0 : out.get(out.size() - 1).end());
                if (m != null) {
                    out = add(out, m);
                    i = m.end();
                    continue;
                }
            } else if ((c >= '0' && c <= '9') || c == '+' || c == '(') {
                if (boundaryBefore(s, i)) {
                    PiiMatch m = number(s, i);
                    if (m != null && m.kind() != null) {
                        out = add(out, m);
                    }
                    if (m != null) {
                        i = Math.max(i + 1, m.end());
                        continue;
                    }
                }
            } else if (c >= 'A' && c <= 'Z') {
                if (boundaryBefore(s, i)) {
                    end = SecretDetector.awsKey(s, i);
                    kind = PiiKind.AWS_ACCESS_KEY;
                    if (end < 0) {
                        end = iban(s, i);
                        kind = PiiKind.IBAN;
                    }
                    if (end < 0 && c == 'B') {
                        end = SecretDetector.bearer(s, i);
                        kind = PiiKind.BEARER_TOKEN;
                    }
                }
            } else if (c == 's' || c == 'b') {
                if (boundaryBefore(s, i)) {
                    if (c == 's') {
                        end = SecretDetector.openAiKey(s, i);
                        kind = PiiKind.OPENAI_KEY;
                    } else {
                        end = SecretDetector.bearer(s, i);
                        kind = PiiKind.BEARER_TOKEN;
                    }
                }
            } else if (c == '-') {
                end = SecretDetector.privateKey(s, i);
                kind = PiiKind.PRIVATE_KEY;
            }
            if (end > i) {
                out = add(out, new PiiMatch(kind, i, end));
                i = end;
            } else {
                i++;
            }
        }
        return out == null ? NONE : out.toArray(NONE);
    }

    private static List<PiiMatch> add(List<PiiMatch> out, PiiMatch m) {
        List<PiiMatch> list = out == null ? new ArrayList<>(2) : out;
        list.add(m);
        return list;
    }

    private static boolean boundaryBefore(String s, int i) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return !Character.isLetterOrDigit(p) && p != '_' && p != '-' && p != '+';
    }

    static boolean boundaryAfter(String s, int end) {
        return end >= s.length() || !Character.isLetterOrDigit(s.charAt(end));
    }

    // ---- e-mail -------------------------------------------------------------------------------------------------

    private static PiiMatch email(String s, int at, int notBefore) {
        int start = at;
        while (start > notBefore && isLocalChar(s.charAt(start - 1))) {
            start--;
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        if (start == at || s.charAt(at - 1) == '.') {
            return null;
        }
        int end = at + 1;
        int n = s.length();
        while (end < n && isDomainChar(s.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        int lastDot = end - 1;
        while (lastDot > at + 1 && s.charAt(lastDot) != '.') {
            lastDot--;
        }
        if (lastDot <= at + 1 || end - lastDot - 1 < 2) {
            return null;
        }
        for (int k = lastDot + 1; k < end; k++) {
            if (!isAsciiLetter(s.charAt(k))) {
                return null;
            }
        }
        for (int k = at + 1; k < end - 1; k++) {
            if (s.charAt(k) == '.' && s.charAt(k + 1) == '.') {
                return null;
            }
        }
        return new PiiMatch(PiiKind.EMAIL, start, end);
    }

    private static boolean isLocalChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ---- phone numbers and payment cards ------------------------------------------------------------------------

    private static PiiMatch number(String s, int start) {
        int n = s.length();
        int i = start;
        boolean plus = false;
        if (s.charAt(i) == '+') {
            plus = true;
            i++;
        }
        char[] digits = new char[MAX_DIGITS];
        int[] groups = new int[MAX_DIGITS];
        int count = 0;
        int groupCount = 0;
        int end = -1;
        int separators = 0;
        boolean onlyCardSeparators = true;
        char groupSeparator = 0;
        char lastSeparator = 0;
        boolean uniformGroups = true;
        boolean trunkZero = false;
        int groupLength = 0;
        int singleDigitGroups = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == MAX_DIGITS) {
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                    return new PiiMatch(null, start, i);
                }
                if (separators > 0) {
                    // a new group starts: one separator character, the same between all groups, is card-style
                    if (separators > 1 || (groupSeparator != 0 && lastSeparator != groupSeparator)) {
                        uniformGroups = false;
                    }
                    groupSeparator = lastSeparator;
                    if (lastSeparator != ' ' && lastSeparator != '-') {
                        onlyCardSeparators = false;
                    }
                }
                digits[count++] = c;
                end = i + 1;
                separators = 0;
                groupLength++;
            } else if (c == ' ' || c == '-' || c == '/' || c == '(' || c == ')' || c == '\u00A0') {
                if (++separators > 2) {
                    break;
                }
                if (groupLength > 0) {
                    groups[groupCount++] = groupLength;
                    if (groupLength == 1) {
                        singleDigitGroups++;
                    }
                }
                groupLength = 0;
                lastSeparator = c;
                if (c == '(' && i + 2 < n && s.charAt(i + 1) == '0' && s.charAt(i + 2) == ')') {
                    trunkZero = true;
                }
            } else {
                break;
            }
            i++;
        }
        if (count == 0) {
            return null;
        }
        if (groupLength > 0) {
            groups[groupCount++] = groupLength;
            if (groupLength == 1) {
                singleDigitGroups++;
            }
        }
        if (!boundaryAfter(s, end) || (s.charAt(start) == '(' && !plus && digits[0] != '0')) {
            return new PiiMatch(null, start, end);
        }
        PiiKind kind = classify(digits, count, plus, trunkZero);
        if (kind == PiiKind.PHONE && singleDigitGroups > (trunkZero ? 2 : 1)) {
            kind = null;
        }
        if (kind == null && !plus && onlyCardSeparators && PaymentCards.isCardNumber(digits, count)
                && (PaymentCards.groupedLikeCard(groups, groupCount, uniformGroups)
                || PaymentCards.cardWordNear(s, start, end))) {
            kind = PiiKind.PAYMENT_CARD;
        }
        return new PiiMatch(kind, start, end);
    }

    private static PiiKind classify(char[] d, int count, boolean plus, boolean trunkZero) {
        if (plus) {
            int max = trunkZero ? 16 : 15;
            return d[0] != '0' && count >= 8 && count <= max ? PiiKind.PHONE : null;
        }
        if (d[0] == '0') {
            if (count >= 2 && d[1] == '0') {
                return count >= 10 && count <= 17 && d[2] != '0' ? PiiKind.PHONE : null;
            }
            return count >= 9 && count <= 13 ? PiiKind.PHONE : null;
        }
        return null;
    }

    // ---- IBAN -----------------------------------------------------------------------------------------------------

    private static int iban(String s, int start) {
        int n = s.length();
        if (start + 4 > n) {
            return -1;
        }
        char c1 = s.charAt(start + 1);
        char c2 = s.charAt(start + 2);
        char c3 = s.charAt(start + 3);
        if (c1 < 'A' || c1 > 'Z' || c2 < '0' || c2 > '9' || c3 < '0' || c3 > '9') {
            return -1;
        }
        Integer length = Checksums.IBAN_LENGTHS.get(s.substring(start, start + 2));
        if (length == null) {
            return -1;
        }
        char[] chars = new char[length];
        int count = 0;
        int i = start;
        int end = -1;
        while (i < n && count < length) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                chars[count++] = c;
                end = i + 1;
                i++;
            } else if (c == ' ' && count >= 4 && i + 1 < n && s.charAt(i + 1) != ' ') {
                i++;
            } else {
                break;
            }
        }
        if (count != length || !boundaryAfter(s, end) || !Checksums.ibanMod97(chars, count)) {
            return -1;
        }
        return end;
    }
}
