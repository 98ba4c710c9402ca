package coop.cooperative.app.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The language of the pages: the browser's (Dutch or English) until the user picks one with the
 * switch on every page ({@code ?lang=nl}), which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cooperative-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request ->
                "nl".equals(request.getLocale().getLanguage()) ? DUTCH : Locale.ENGLISH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        registry.addInterceptor(languageSwitch);
    }
}
