package org.orrery.twofactor;

import org.springframework.stereotype.Component;

/** Until two-factor sign-in exists, nobody has a second factor (the two-factor work replaces this class). */
@Component
class NoSecondFactor implements SecondFactor {

    @Override
    public boolean enabledFor(String orcid) {
        return false;
    }

    @Override
    public boolean verify(String orcid, String code) {
        return false;
    }
}
