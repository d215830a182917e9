package io.github.finetune4j.core.internal.preflight;

import java.util.Locale;

/**
 * When a digit string is taken for a payment card number: a known issuer's prefix with one of its lengths, a valid
 * Luhn digit, and either the grouping printed on cards (4-4-4-4, 4-6-5 and the like, one separator throughout) or a
 * card word close by. The Luhn digit alone passes one random number in ten, which is why order numbers, tracking ids
 * and lists of numbers need the other two conditions.
 */
final class PaymentCards {
    /** Card words in the languages of likely data; looked for in lower case around the number. */
    private static final String[] WORDS = {"card", "karte", "carte", "tarjeta", "carta", "kredit", "credit",
        "debit", "visa", "mastercard", "amex", "american express", "discover", "diners", "jcb", "unionpay", "maestro",
        "cvv", "cvc", "cc#", "cc:", "cc "};
    private static final int WORDS_BEFORE = 40;
    private static final int WORDS_AFTER = 16;
    private static final int[] MAESTRO = {5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763};

    private PaymentCards() {
    }

    /**
     * Whether the digits have an issuer's prefix and length and a valid Luhn digit.
     *
     * @param d ASCII digits
     * @param n how many
     * @return true for a plausible card number
     */
    static boolean isCardNumber(char[] d, int n) {
        if (n < 12 || n > 19 || !Checksums.luhn(d, n)) {
            return false;
        }
        int p2 = prefix(d, 2);
        int p3 = prefix(d, 3);
        int p4 = prefix(d, 4);
        int p6 = prefix(d, 6);
        if (d[0] == '4') {
            return n == 13 || n == 16 || n == 19;                                  // Visa
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16;                                                        // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;                                                        // American Express
        }
        boolean sixteenToNineteen = n >= 16;
        if (p4 >= 2200 && p4 <= 2204) {
            return sixteenToNineteen;                                              // Mir
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return sixteenToNineteen;                                              // JCB
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14;                                                        // Diners Club
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925) || p2 == 62) {
            return sixteenToNineteen;                                              // Discover, UnionPay
        }
        for (int m : MAESTRO) {
            if (p4 == m) {
                return true;                                                       // Maestro, 12 to 19
            }
        }
        return false;
    }

    private static int prefix(char[] d, int digits) {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            v = v * 10 + (d[i] - '0');
        }
        return v;
    }

    /**
     * Whether the groups look printed on a card: one separator throughout, every group of four digits but the last
     * (one to four), or the 4-6-5 and 4-6-4 layouts of American Express and Diners Club.
     *
     * @param groups the lengths of the digit groups
     * @param count how many groups
     * @param uniform whether one separator character, once, stands between every two groups
     * @return true for card-style grouping
     */
    static boolean groupedLikeCard(int[] groups, int count, boolean uniform) {
        if (!uniform || count < 3) {
            return false;
        }
        if (count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
            return true;
        }
        for (int i = 0; i < count - 1; i++) {
            if (groups[i] != 4) {
                return false;
            }
        }
        return groups[count - 1] >= 1 && groups[count - 1] <= 4;
    }

    /**
     * Whether a card word stands shortly before or after the number.
     *
     * @param s the text
     * @param start the number's first character
     * @param end the number's end
     * @return true if one does
     */
    static boolean cardWordNear(String s, int start, int end) {
        String before = s.substring(Math.max(0, start - WORDS_BEFORE), start).toLowerCase(Locale.ROOT);
        String after = s.substring(end, Math.min(s.length(), end + WORDS_AFTER)).toLowerCase(Locale.ROOT);
        for (String word : WORDS) {
            if (before.contains(word) || after.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
