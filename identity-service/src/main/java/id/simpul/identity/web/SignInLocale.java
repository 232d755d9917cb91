package id.simpul.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * The sign-in page's language: {@code ?lang=en} or {@code ?lang=id} when given, else the browser's Accept-Language
 * if it asks for English or Indonesian, else Bahasa Indonesia.
 */
@Component("localeResolver")
class SignInLocale implements LocaleResolver {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    private final AcceptHeaderLocaleResolver fromHeader = new AcceptHeaderLocaleResolver();

    SignInLocale() {
        fromHeader.setSupportedLocales(SUPPORTED);
        fromHeader.setDefaultLocale(INDONESIAN);
    }

    /** The language asked for with {@code lang}, or null. */
    static String explicit(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return lang != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(lang)) ? lang : null;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String lang = explicit(request);
        if (lang != null) {
            return Locale.forLanguageTag(lang);
        }
        Locale asked = fromHeader.resolveLocale(request);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst().orElse(INDONESIAN);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen with ?lang= or Accept-Language");
    }
}
