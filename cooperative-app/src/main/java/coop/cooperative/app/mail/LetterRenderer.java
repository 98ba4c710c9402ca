package coop.cooperative.app.mail;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Set;

/**
 * Fills a letter's templates, {@code templates/mail/<template>.txt} (plain text) and {@code .html},
 * and takes its subject from the message bundles ({@code mail.<template>.subject}), all in the
 * letter's language. An engine of its own: the pages' engine knows only HTML pages. Templates may
 * use the pages' beans, such as {@code ${@fmt.money(amount)}}, which format in the letter's language.
 */
@Component
class LetterRenderer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final ApplicationContext beans;

    LetterRenderer(MessageSource messages, ApplicationContext beans) {
        this.messages = messages;
        this.beans = beans;
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    MailOutbox.Rendered render(Letter letter, String baseUrl) {
        Locale locale = letter.locale() == null ? Locale.ENGLISH : letter.locale();
        Context context = new Context(locale, letter.model());
        context.setVariable("baseUrl", baseUrl);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        // The formatting beans read the language from here, as they do for a page.
        LocaleContext caller = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            String subject = messages.getMessage("mail." + letter.template() + ".subject", null, locale);
            return new MailOutbox.Rendered(subject, engine.process(letter.template() + ".txt", context),
                    engine.process(letter.template() + ".html", context));
        } finally {
            LocaleContextHolder.setLocaleContext(caller);
        }
    }
}
