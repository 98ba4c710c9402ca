package coop.cooperative.app.mail;

import java.util.Locale;
import java.util.Map;

/**
 * One mail to one person: the templates {@code mail/<template>.txt} and {@code .html} filled with the
 * model, in the recipient's language. The key makes it once-only: the event or request that caused
 * it, plus the recipient.
 */
public record Letter(String key, String to, Locale locale, String template, Map<String, Object> model) {
}
