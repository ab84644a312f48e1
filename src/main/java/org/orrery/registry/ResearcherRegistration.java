package org.orrery.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.orrery.system.PlainText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers researchers: validates the form, mints an unused iD and stores the password as a slow hash.
 */
@Service
public class ResearcherRegistration {

    public static final int MIN_PASSWORD_LENGTH = 8;

    /** bcrypt reads no more than this; Spring's encoder refuses a longer password outright. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");


    private final ResearcherRepository researchers;

    private final OrcidIdGenerator ids;

    private final PasswordEncoder passwordEncoder;

    public ResearcherRegistration(ResearcherRepository researchers, OrcidIdGenerator ids,
            PasswordEncoder passwordEncoder) {
        this.researchers = researchers;
        this.ids = ids;
        this.passwordEncoder = passwordEncoder;
    }

    /** What a person types into the register form (or a seed file provides). */
    public record Application(String givenNames, String familyName, String email, String password) {
    }

    /** Field name to message, in form order; empty when the application can be accepted. */
    public Map<String, String> validate(Application application) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (isBlank(application.givenNames())) {
            errors.put("givenNames", "Please enter your given names.");
        }
        else if (application.givenNames().length() > 150) {
            errors.put("givenNames", "Given names must be at most 150 characters.");
        }
        else if (PlainText.hasForbiddenCharacters(application.givenNames(), false)) {
            errors.put("givenNames", "Given names may not contain control characters.");
        }
        if (application.familyName() != null && application.familyName().length() > 150) {
            errors.put("familyName", "The family name must be at most 150 characters.");
        }
        else if (PlainText.hasForbiddenCharacters(application.familyName(), false)) {
            errors.put("familyName", "The family name may not contain control characters.");
        }
        if (isBlank(application.email()) || !EMAIL.matcher(application.email().trim()).matches()
                || application.email().length() > 320 || PlainText.hasForbiddenCharacters(application.email(), false)) {
            errors.put("email", "Please enter a valid email address.");
        }
        else if (this.researchers.findByEmail(application.email()).isPresent()) {
            errors.put("email", "This email address is already registered. Sign in instead.");
        }
        if (application.password() == null || application.password().length() < MIN_PASSWORD_LENGTH) {
            errors.put("password", "The password must be at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        else if (application.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.put("password", "The password must be at most " + MAX_PASSWORD_BYTES
                    + " bytes (as many plain letters and digits; fewer accented letters or other scripts).");
        }
        else if (PlainText.hasForbiddenCharacters(application.password(), false)) {
            errors.put("password", "The password may not contain control characters.");
        }
        return errors;
    }

    /**
     * Registers an application that {@link #validate} accepted, minting a fresh iD; its address is not verified
     * until its owner follows the link mailed to it.
     */
    @Transactional
    public Researcher register(Application application) {
        return registerValidated(application, false);
    }

    /** Registers a seeded researcher with a fresh iD; a seeded address counts as verified. */
    @Transactional
    public Researcher registerSeeded(Application application) {
        return registerValidated(application, true);
    }

    private Researcher registerValidated(Application application, boolean emailVerified) {
        Map<String, String> errors = validate(application);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.values().iterator().next());
        }
        return register(application, mintUnusedId(), emailVerified);
    }

    /** Registers with a given iD (sandbox seeding); a seeded address counts as verified. */
    @Transactional
    public Researcher register(Application application, OrcidId orcid) {
        return register(application, orcid, true);
    }

    private Researcher register(Application application, OrcidId orcid, boolean emailVerified) {
        Researcher researcher = new Researcher(orcid, application.givenNames().trim(), trimToNull(application.familyName()),
                null, application.email().trim(), this.passwordEncoder.encode(application.password()), Instant.now());
        try {
            this.researchers.insert(researcher, emailVerified);
        }
        catch (DuplicateKeyException ex) {
            throw new IllegalArgumentException("This email address is already registered. Sign in instead.");
        }
        return researcher;
    }

    public String hashPassword(String password) {
        return this.passwordEncoder.encode(password);
    }

    public boolean passwordMatches(String password, String hash) {
        return this.passwordEncoder.matches(password, hash);
    }

    private OrcidId mintUnusedId() {
        for (int attempt = 0; attempt < 20; attempt++) {
            OrcidId candidate = this.ids.next();
            if (!this.researchers.existsByOrcid(candidate.value())) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not mint an unused iD");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
