package org.orrery.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every bundle speaks every language: the same keys, no empty text, the same placeholders. */
class MessageBundleTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyBundleHasEveryLanguageWithTheSameKeys() throws IOException {
        assertThat(MessageBundles.baseNames()).contains("messages/common");
        for (String base : MessageBundles.baseNames()) {
            Properties english = load(base, Locale.ENGLISH);
            assertThat(english).as(base).isNotEmpty();
            for (Locale language : MessageBundles.LANGUAGES) {
                Properties other = load(base, language);
                assertThat(new TreeSet<>(other.stringPropertyNames())).as(base + " in " + language)
                        .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
                for (String key : english.stringPropertyNames()) {
                    String text = other.getProperty(key);
                    assertThat(text.isBlank()).as(base + " " + language + " " + key + " is blank").isFalse();
                    assertThat(placeholders(text)).as(base + " " + language + " " + key + " placeholders")
                            .isEqualTo(placeholders(english.getProperty(key)));
                }
            }
        }
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String base, Locale language) throws IOException {
        String path = "/" + base + MessageBundles.suffix(language) + ".properties";
        try (InputStream in = MessageBundleTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path + " exists").isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
