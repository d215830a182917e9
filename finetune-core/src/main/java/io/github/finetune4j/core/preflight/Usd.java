package io.github.finetune4j.core.preflight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How every report of finetune4j writes a US dollar amount (pre-flight text, provider estimates, evaluation and
 * migration reports, command line and Maven plugin), so that one amount reads the same everywhere: cents from one
 * dollar up; below one dollar up to four decimals and below one cent up to six, so that a small job never reads as
 * free; trailing zeros beyond the cents are dropped.
 *
 * <pre>{@code
 * Usd.format(new BigDecimal("12.5"))        // "$12.50"
 * Usd.format(new BigDecimal("0.0085"))      // "$0.0085"
 * Usd.format(new BigDecimal("0.000726"))    // "$0.000726"
 * Usd.amount(new BigDecimal("0.69"))        // "0.69", for "USD 0.69"
 * }</pre>
 */
public final class Usd {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Usd() {
    }

    /**
     * The amount with a dollar sign, for example {@code $12.50}, {@code $0.0123} or {@code -$0.50}.
     *
     * @param amount the amount in US dollars
     * @return the text
     * @throws NullPointerException if {@code amount} is null
     */
    public static String format(BigDecimal amount) {
        String digits = amount(amount);
        return digits.startsWith("-") ? "-$" + digits.substring(1) : "$" + digits;
    }

    /**
     * The amount's digits without a currency sign, for example {@code 12.50} or {@code 0.0085}.
     *
     * @param amount the amount in US dollars
     * @return the text
     * @throws NullPointerException if {@code amount} is null
     */
    public static String amount(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal size = amount.abs();
        int scale = size.compareTo(BigDecimal.ONE) >= 0 ? 2 : size.compareTo(CENT) >= 0 ? 4 : 6;
        BigDecimal rounded = amount.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 2 ? rounded.setScale(2, RoundingMode.UNNECESSARY) : rounded).toPlainString();
    }
}
