package org.orrery.registry;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Draws new iDs at random from ORCID's current block, 0009-0000-0000-0000 to 0009-0010-0000-0000.
 */
@Component
public class OrcidIdGenerator {

    static final long BLOCK_START = 900_000_000_000L;

    static final long BLOCK_SIZE = 100_000_000L;

    private final SecureRandom random = new SecureRandom();

    public OrcidId next() {
        long base = BLOCK_START + this.random.nextLong(BLOCK_SIZE);
        return OrcidId.fromBaseDigits(String.format("%015d", base));
    }
}
