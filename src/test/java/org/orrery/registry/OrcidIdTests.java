package org.orrery.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** iD syntax and the ISO 7064 MOD 11-2 check character, and minting inside ORCID's current block. */
class OrcidIdTests {

    /** Published iDs (ORCID's documentation and sandbox examples). */
    private static final String[] VALID = { "0000-0002-1825-0097", "0000-0002-1694-233X", "0009-0003-7578-3214",
            "0000-0002-7319-2192" };

    private static final String CHECK_ALPHABET = "0123456789X";

    @ParameterizedTest
    @ValueSource(strings = { "0000-0002-1825-0097", "0000-0002-1694-233X", "0009-0003-7578-3214",
            "0000-0002-7319-2192" })
    void publishedIdsAreValidAndParseToThemselves(String id) {
        assertThat(OrcidId.isValid(id)).isTrue();
        assertThat(OrcidId.parse(id).value()).isEqualTo(id);
        assertThat(OrcidId.parse(id)).isEqualTo(OrcidId.parse(id)).hasSameHashCodeAs(OrcidId.parse(id));
    }

    @Test
    void changingAnyBaseDigitMakesAValidIdInvalid() {
        int variants = 0;
        for (String id : VALID) {
            for (int position = 0; position < id.length() - 1; position++) {
                if (id.charAt(position) == '-') {
                    continue;
                }
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == id.charAt(position)) {
                        continue;
                    }
                    String changed = replaceAt(id, position, digit);
                    assertThat(OrcidId.isValid(changed)).as(changed).isFalse();
                    variants++;
                }
            }
        }
        assertThat(variants).isEqualTo(VALID.length * 15 * 9);
    }

    @Test
    void changingTheCheckCharacterMakesAValidIdInvalid() {
        for (String id : VALID) {
            char actual = id.charAt(id.length() - 1);
            for (char other : CHECK_ALPHABET.toCharArray()) {
                if (other == actual) {
                    continue;
                }
                String changed = replaceAt(id, id.length() - 1, other);
                assertThat(OrcidId.isValid(changed)).as(changed).isFalse();
                assertThatIllegalArgumentException().isThrownBy(() -> OrcidId.parse(changed))
                    .withMessage("The check character of " + changed + " is wrong");
            }
        }
    }

    @Test
    void swappingTwoAdjacentDifferentDigitsMakesAValidIdInvalid() {
        String digits = "0000000218250097";
        for (int i = 0; i + 1 < 15; i++) {
            if (digits.charAt(i) == digits.charAt(i + 1)) {
                continue;
            }
            char[] swapped = digits.toCharArray();
            swapped[i] = digits.charAt(i + 1);
            swapped[i + 1] = digits.charAt(i);
            String id = hyphenate(new String(swapped));
            assertThat(OrcidId.isValid(id)).as(id).isFalse();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "0000000218250097", "0000-0002-1825-009", "0000-0002-1825-00977", "0000-0002-1694-233x",
            "000X-0002-1825-0097", "0000 0002 1825 0097", "0000_0002_1825_0097", " 0000-0002-1825-0097",
            "0000-0002-1825-0097 ", "0000-0002-1825-0097\n", "https://orcid.org/0000-0002-1825-0097",
            "0000-0002-1825-0097-", "00000-002-1825-0097", "abcd-efgh-ijkl-mnop",
            "\uFF10\uFF10\uFF10\uFF10-\uFF10\uFF10\uFF10\uFF12-\uFF11\uFF18\uFF12\uFF15-\uFF10\uFF10\uFF19\uFF17",
            "\u0660\u0660\u0660\u0660-\u0660\u0660\u0660\u0662-\u0661\u0668\u0662\u0665-\u0660\u0660\u0669\u0667" })
    void malformedStringsAreRefused(String text) {
        assertThat(OrcidId.isValid(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> OrcidId.parse(text))
            .withMessage("An ORCID iD has the form 0000-0000-0000-000X");
    }

    @Test
    void generatorMintsValidIdsInsideTheCurrentBlock() {
        OrcidIdGenerator generator = new OrcidIdGenerator();
        long first = baseDigits("0009-0000-0000-0000");
        long end = baseDigits("0009-0010-0000-0000");
        Set<String> seen = new HashSet<>();
        boolean sawX = false;
        for (int i = 0; i < 20_000; i++) {
            String id = generator.next().value();
            assertThat(OrcidId.isValid(id)).as(id).isTrue();
            assertThat(id).startsWith("0009-00");
            assertThat(baseDigits(id)).as(id).isGreaterThanOrEqualTo(first).isLessThan(end);
            seen.add(id);
            sawX |= id.endsWith("X");
        }
        // 20,000 draws from 100 million repeat about twice (birthday bound); hundreds would mean a weak source.
        assertThat(seen).hasSizeGreaterThan(19_900);
        assertThat(sawX).isTrue();
    }

    @Test
    void generatorSpreadsOverTheWholeBlock() {
        OrcidIdGenerator generator = new OrcidIdGenerator();
        long first = baseDigits("0009-0000-0000-0000");
        Set<Long> tenths = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            tenths.add((baseDigits(generator.next().value()) - first) / 10_000_000L);
        }
        assertThat(tenths).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    /** The fifteen base digits as a number (the check character left off). */
    private static long baseDigits(String id) {
        return Long.parseLong(id.replace("-", "").substring(0, 15));
    }

    private static String replaceAt(String text, int position, char replacement) {
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }

    private static String hyphenate(String sixteen) {
        return sixteen.substring(0, 4) + "-" + sixteen.substring(4, 8) + "-" + sixteen.substring(8, 12) + "-"
                + sixteen.substring(12);
    }
}
