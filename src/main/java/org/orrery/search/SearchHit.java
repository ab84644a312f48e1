package org.orrery.search;

import java.util.List;

/** One record found, with what {@code /expanded-search} shows of it (public values only; null when absent). */
public record SearchHit(String orcid, String givenNames, String familyName, String creditName,
        List<String> otherNames, List<String> emails, List<String> institutions, List<String> currentInstitutions,
        List<String> pastInstitutions) {
}
