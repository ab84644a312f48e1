package org.orrery.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in of researchers (ORCID §5.3): a TOTP secret made on set-up and encrypted at rest, turned on by
 * a first code, 14 single-use backup codes of 10 characters, and the check of a code at sign-in or before a
 * sensitive change. A TOTP code is accepted once: the step it belongs to must be later than the last one used.
 */
@Service
public class TwoFactorService implements SecondFactor {

    static final int SECRET_BYTES = 20;

    static final int BACKUP_CODES = 14;

    static final int BACKUP_CODE_LENGTH = 10;

    /** 31 letters and digits, without 0/o and 1/l/i, which people confuse: 10 of them carry about 49.5 bits. */
    static final String BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwoFactorService.class);

    private final SecureRandom random = new SecureRandom();

    private final TwoFactorRepository rows;

    private final SecretCipher cipher;

    private final Clock clock;

    TwoFactorService(TwoFactorRepository rows, SecretCipher cipher) {
        this.rows = rows;
        this.cipher = cipher;
        this.clock = Clock.systemUTC();
    }

    /** A set-up waiting for its first code: the secret to show as text and as a QR code. */
    public record SetUp(String base32Secret) {
    }

    @Override
    public boolean enabledFor(String orcid) {
        return orcid != null && this.rows.enabled(orcid);
    }

    /** Whether this registry can turn two-factor on (it has an encryption key). */
    public boolean available() {
        return this.cipher.available();
    }

    /**
     * With {@code fresh}, a new set-up with a new secret; without, the set-up that waits, or null when none does.
     * Null when two-factor is on.
     */
    @Transactional
    public SetUp setUp(String orcid, boolean fresh) {
        var row = this.rows.find(orcid);
        if (row.isPresent() && row.get().enabled()) {
            return null;
        }
        if (row.isPresent() && !fresh) {
            try {
                return new SetUp(Base32.encode(this.cipher.decrypt(row.get().secretCiphertext(), orcid)));
            }
            catch (IllegalStateException wrongKey) {
                // a set-up made under another key: start again
            }
        }
        if (!fresh) {
            return null;
        }
        byte[] secret = new byte[SECRET_BYTES];
        this.random.nextBytes(secret);
        this.rows.startSetUp(orcid, this.cipher.encrypt(secret, orcid), now());
        return new SetUp(Base32.encode(secret));
    }

    /**
     * Turns two-factor on when the code matches the waiting set-up's secret; returns the backup codes to show
     * once, or null for a wrong code (or no waiting set-up).
     */
    @Transactional
    public List<String> confirm(String orcid, String code) {
        var row = this.rows.find(orcid);
        String digits = normalize(code);
        if (row.isEmpty() || row.get().enabled() || digits.length() != Totp.DIGITS || !allDigits(digits)) {
            return null;
        }
        long step;
        try {
            step = Totp.matchingStep(this.cipher.decrypt(row.get().secretCiphertext(), orcid), digits, now());
        }
        catch (IllegalStateException wrongKey) {
            return null;
        }
        if (step < 0 || !this.rows.useStep(orcid, step) || !this.rows.enable(orcid, now())) {
            return null;
        }
        return newBackupCodes(orcid);
    }

    @Override
    @Transactional
    public boolean verify(String orcid, String code) {
        if (orcid == null || code == null) {
            return false;
        }
        var row = this.rows.find(orcid);
        if (row.isEmpty() || !row.get().enabled()) {
            return false;
        }
        if (!this.cipher.available()) {
            log.error("Researcher {} has two-factor on but {} is not set: no code can be checked", orcid,
                    SecretCipher.KEY_PROPERTY);
            return false;
        }
        String typed = normalize(code);
        if (typed.length() == Totp.DIGITS && allDigits(typed)) {
            byte[] secret;
            try {
                secret = this.cipher.decrypt(row.get().secretCiphertext(), orcid);
            }
            catch (IllegalStateException wrongKey) {
                log.error("The two-factor secret of {} does not open with the configured key (was {} changed?)", orcid,
                        SecretCipher.KEY_PROPERTY);
                return false;
            }
            long step = Totp.matchingStep(secret, typed, now());
            return step >= 0 && this.rows.useStep(orcid, step);
        }
        if (typed.length() == BACKUP_CODE_LENGTH) {
            return this.rows.useBackupCode(orcid, this.cipher.backupCodeHash(orcid, typed), now());
        }
        return false;
    }

    /** Whether a code that {@link #verify} accepted was a backup code (by its form). */
    public static boolean isBackupCode(String code) {
        return code != null && normalize(code).length() == BACKUP_CODE_LENGTH;
    }

    /** Backup codes not yet used. */
    public int unusedBackupCodes(String orcid) {
        return this.rows.unusedBackupCodes(orcid);
    }

    /** When two-factor was turned on, or null when it is off. */
    public Instant enabledAt(String orcid) {
        return this.rows.find(orcid).filter(TwoFactorRepository.Row::enabled).map(TwoFactorRepository.Row::enabledAt)
            .orElse(null);
    }

    /** Turns two-factor off: the secret and backup codes are deleted. */
    @Transactional
    public void disable(String orcid) {
        this.rows.delete(orcid);
    }

    private List<String> newBackupCodes(String orcid) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (codes.size() < BACKUP_CODES) {
            StringBuilder code = new StringBuilder(BACKUP_CODE_LENGTH);
            for (int i = 0; i < BACKUP_CODE_LENGTH; i++) {
                code.append(BACKUP_ALPHABET.charAt(this.random.nextInt(BACKUP_ALPHABET.length())));
            }
            String hash = this.cipher.backupCodeHash(orcid, code.toString());
            if (!hashes.contains(hash)) {
                codes.add(code.toString());
                hashes.add(hash);
            }
        }
        this.rows.replaceBackupCodes(orcid, hashes);
        return codes;
    }

    /** Lower case, without the spaces and hyphens people type into codes. */
    static String normalize(String code) {
        if (code == null || code.length() > 64) {
            return "";
        }
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean allDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private Instant now() {
        return this.clock.instant();
    }
}
