package org.orrery.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The languages Orrery speaks and the message bundles that hold its text. Every feature keeps its own bundle,
 * {@code messages/<feature>.properties} with one {@code messages/<feature>_<lang>.properties} per language; a
 * new file is picked up without naming it anywhere.
 */
public final class MessageBundles {

    /** English (the default), Spanish, French, German, Portuguese, Japanese and Simplified Chinese. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
            Locale.FRENCH, Locale.GERMAN, Locale.forLanguageTag("pt"), Locale.JAPANESE, Locale.SIMPLIFIED_CHINESE);

    private static final String LOCATION = "classpath*:messages/*.properties";

    private MessageBundles() {
    }

    /** The base names of every bundle on the class path ({@code messages/common}, ...). */
    public static List<String> baseNames() {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String file = resource.getFilename();
                if (file != null && !file.contains("_")) {
                    names.add("messages/" + file.substring(0, file.length() - ".properties".length()));
                }
            }
            return List.copyOf(names);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The file name suffix of a language's bundle ({@code _es}, {@code _zh_CN}); empty for English. */
    public static String suffix(Locale language) {
        return Locale.ENGLISH.equals(language) ? "" : "_" + language.toString();
    }
}
