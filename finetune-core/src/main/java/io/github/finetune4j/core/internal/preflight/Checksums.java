package io.github.finetune4j.core.internal.preflight;

import java.util.Map;

/** The check-digit algorithms behind the IBAN and payment card detectors. */
final class Checksums {
    /** IBAN length per country (ISO 13616 registry, the countries likely in European data). */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
            Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27),
            Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MT", 31), Map.entry("MU", 30),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TN", 24),
            Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("XK", 20));

    private Checksums() {
    }

    /**
     * The Luhn check of a digit string.
     *
     * @param digits ASCII digits only
     * @param length how many of them
     * @return true if the check digit is right
     */
    static boolean luhn(char[] digits, int length) {
        int sum = 0;
        boolean doubled = false;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits[i] - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * The ISO 13616 mod-97 check of an IBAN without spaces: the first four characters moved to the end, letters
     * replaced by 10 to 35, the number modulo 97 must be 1.
     *
     * @param iban upper-case letters and digits
     * @param length how many of them
     * @return true if the check digits are right
     */
    static boolean ibanMod97(char[] iban, int length) {
        if (length < 5) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = iban[(k + 4) % length];
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
