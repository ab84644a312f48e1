package org.orrery.web;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A work's or funding's type in words, in the reader's language ({@code journal-article}: "Journal article"). */
@Component
class ItemTypeNames {

    private final MessageSource messages;

    ItemTypeNames(MessageSource messages) {
        this.messages = messages;
    }

    /** Names types in the current request's language; a type without a name stays as it is stored. */
    UnaryOperator<String> inCurrentLanguage() {
        Locale language = LocaleContextHolder.getLocale();
        return type -> type.isEmpty() ? type : this.messages.getMessage("type." + type, null, type, language);
    }
}
