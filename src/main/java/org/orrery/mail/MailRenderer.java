package org.orrery.mail;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail's subject, plain-text part and HTML part from {@code templates/mail/<name>.txt} and
 * {@code templates/mail/<name>.html}, with text from the message bundles in the recipient's language.
 */
@Component
public class MailRenderer {

    /** One rendered message. */
    public record Rendered(String subject, String text, String html) {
    }

    private final TemplateEngine text;

    private final TemplateEngine html;

    private final MessageSource messages;

    public MailRenderer(MessageSource messages) {
        this.messages = messages;
        this.text = engine(TemplateMode.TEXT, ".txt", messages);
        this.html = engine(TemplateMode.HTML, ".html", messages);
    }

    public Rendered render(String template, Map<String, Object> model, Locale language) {
        Context context = new Context(language, model);
        String subject = this.messages.getMessage("mail." + template + ".subject", null, language);
        context.setVariable("subject", subject);
        return new Rendered(subject, this.text.process(template, context), this.html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
