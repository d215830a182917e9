package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Card numbers need a plausible issuer prefix and length, a valid Luhn digit, and either card-style grouping or a
 * card word nearby; ordinary numbers in text never trip it.
 */
class PaymentCardTest {
    private static boolean isCard(String text) {
        return Arrays.stream(PiiScanner.scan(text)).anyMatch(m -> m.kind() == PiiKind.PAYMENT_CARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004", "5500-0000-0000-0004",
        "2221 0000 0000 0009", "3782 822463 10005", "3056 930902 5904", "6011 1111 1111 1117", "3530 1113 3330 0000",
        "6200 0000 0000 0005", "4222 2222 2222 2", "4000 0566 5566 5556", "4111 1111 1111 1111 003"})
    void groupedCardNumbersAreFound(String card) {
        assertThat(isCard("Bitte belasten Sie " + card + " heute.")).as(card).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kreditkarte: 4111111111111111", "card number 5500000000000004", "Amex 378282246310005",
        "VISA 4012888888881881", "meine Karte 6011111111111117, danke", "CC# 4111111111111111 exp 12/27",
        "Kartennummer 3530111333300000", "credit card 4111-1111-1111-1111"})
    void ungroupedCardNumbersAreFoundNextToACardWord(String text) {
        assertThat(isCard(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bestellnummer 4111111111111111", "378282246310005", "Tracking 5500000000000004 versendet",
        "1234 5678 9012 3452", "9111 1111 1111 1111", "4111 1111 1111 1112", "4111 11111 11111 11",
        "4111 1111-1111 1111", "Karte 7111 1111 1111 1111", "Zahlen 4539 1488 0343 6467 1"})
    void numbersWithoutIssuerGroupingOrCardWordAreNotCards(String text) {
        assertThat(isCard(text)).as(text).isFalse();
    }

    /** Order numbers, prices, lists of numbers and long ids as generated chats hold them (13 to 19 digits too). */
    @Test
    void ordinaryNumbersInGeneratedChatsAreNeverCards() {
        SplittableRandom random = new SplittableRandom(2024);
        String[] words = {"Bestellung", "Artikel", "Menge", "Preis", "Filter", "Seite", "Kapitel", "order", "items",
            "page", "model", "und", "oder", "mit", "am", "um", "Uhr", "Nr.", "Tel.", "PLZ"};
        int flagged = 0;
        for (int chat = 0; chat < 3000; chat++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    sb.append(words[random.nextInt(words.length)]);
                } else if (kind < 8) {
                    sb.append(random.nextInt(100_000));
                } else if (kind == 8) {
                    // a list of numbers such as "12 4711 99812 3": lengths other than a card's 4-digit groups
                    int groups = 2 + random.nextInt(4);
                    for (int g = 0; g < groups; g++) {
                        int digits = new int[] {1, 2, 3, 5}[random.nextInt(4)];
                        sb.append(g == 0 ? "" : " ").append(random.nextInt((int) Math.pow(10, digits)));
                    }
                } else {
                    sb.append(random.nextLong(1_000_000_000_000L, 9_999_999_999_999_999L));
                }
                sb.append(random.nextInt(5) == 0 ? ", " : " ");
            }
            if (isCard(sb.toString())) {
                flagged++;
            }
        }
        assertThat(flagged).isZero();
    }
}
