package org.orrery.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation ({@code message}) or problem ({@code problem}) a form's 303 carries to the next page, in the
 * language of the request, from the message bundles.
 */
@Component
class Flash {

    private final MessageSource messages;

    Flash(MessageSource messages) {
        this.messages = messages;
    }

    /** A confirmation, then a 303 to {@code path}. */
    View done(RedirectAttributes redirect, String path, String key, Object... args) {
        redirect.addFlashAttribute("message", text(key, args));
        return RecordEditorController.seeOther(path);
    }

    /** A problem, then a 303 to {@code path}. */
    View failed(RedirectAttributes redirect, String path, String key, Object... args) {
        redirect.addFlashAttribute("problem", text(key, args));
        return RecordEditorController.seeOther(path);
    }

    String text(String key, Object... args) {
        return this.messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }
}
