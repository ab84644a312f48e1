package org.orrery.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The registration and client checks ({@code ResearcherRegistration}, {@code ClientRegistration},
 * {@code RedirectUriPolicy}) answer in English, because the API and the operators' console quote them too; the
 * pages show them in the reader's language: each known message is matched to its key in the {@code pages} bundle
 * (with the value it names, such as a redirect URI or a length, as the argument). A message not known here is
 * shown as it came.
 */
@Component
class FieldErrors {

    private record Known(Pattern english, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            known("Please enter your given names\\.", "givenNamesRequired"),
            known("Given names must be at most (\\d+) characters\\.", "givenNamesTooLong"),
            known("Given names may not contain control characters\\.", "givenNamesControl"),
            known("The family name must be at most (\\d+) characters\\.", "familyNameTooLong"),
            known("The family name may not contain control characters\\.", "familyNameControl"),
            known("Please enter a valid email address\\.", "emailInvalid"),
            known("This email address is already registered\\. Sign in instead\\.", "emailTaken"),
            known("The password must be at least (\\d+) characters\\.", "passwordTooShort"),
            known("The password must be at most (\\d+) bytes .*", "passwordTooLong"),
            known("The password may not contain control characters\\.", "passwordControl"),
            known("Please enter the application's name\\.", "clientNameRequired"),
            known("The name must be at most (\\d+) characters\\.", "clientNameTooLong"),
            known("The name may not contain control characters\\.", "clientNameControl"),
            known("Please describe the application\\.", "descriptionRequired"),
            known("The description must be at most (\\d+) characters\\.", "descriptionTooLong"),
            known("The description may not contain control characters\\.", "descriptionControl"),
            known("The website must be an http or https address\\.", "websiteInvalid"),
            known("At least one redirect URI must be registered\\.", "redirectUriRequired"),
            known("A redirect URI may not be blank\\.", "redirectUriBlank"),
            known("A redirect URI must be at most (\\d+) characters\\.", "redirectUriTooLong"),
            known("The redirect URI (.*) is not a valid URI\\.", "redirectUriInvalid"),
            known("The redirect URI (.*) must be absolute\\.", "redirectUriRelative"),
            known("The redirect URI (.*) may not contain a fragment\\.", "redirectUriFragment"),
            known("The redirect URI (.*) uses a scheme that is not allowed\\.", "redirectUriScheme"),
            known("The redirect URI (.*) may not contain user information\\.", "redirectUriUserInfo"),
            known("The redirect URI (.*) must name a host\\.", "redirectUriHost"),
            known("The redirect URI (.*) must use https \\(.*", "redirectUriHttps"));

    private final MessageSource messages;

    FieldErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The same fields, each message in the given language. */
    Map<String, String> in(Map<String, String> errors, Locale language) {
        Map<String, String> shown = new LinkedHashMap<>();
        errors.forEach((field, message) -> shown.put(field, text(message, language)));
        return shown;
    }

    /** One message in the given language, or as it came when it is not a known one. */
    String text(String english, Locale language) {
        if (english == null) {
            return null;
        }
        for (Known known : KNOWN) {
            Matcher matcher = known.english().matcher(english);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matcher.group(i + 1);
                }
                return this.messages.getMessage(known.key(), args, english, language);
            }
        }
        return english;
    }

    private static Known known(String english, String key) {
        return new Known(Pattern.compile(english, Pattern.DOTALL), "form.error." + key);
    }
}
