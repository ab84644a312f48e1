package org.orrery.i18n;

import java.time.Duration;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Pages and e-mails speak the language chosen in the footer ({@code ?lang=xx}, remembered in the
 * {@code orrery-lang} cookie), else the best of {@code Accept-Language}, else English.
 */
@Configuration
class LanguageConfig implements WebMvcConfigurer {

    static final String COOKIE = "orrery-lang";

    @Bean
    MessageSource messageSource() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(MessageBundles.baseNames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> SupportedLanguage.bestOf(request.getLocales()));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLanguage.LanguageSwitch()).excludePathPatterns("/api/**",
                "/pub/**", "/oauth/token", "/oauth/revoke", "/oauth/jwks", "/oauth/userinfo");
    }
}
