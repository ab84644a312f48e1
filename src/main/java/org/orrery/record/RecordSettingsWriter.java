package org.orrery.record;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes what a record shows beside its items, as the researcher asks on the record editor: the name, the
 * biography, the visibility of the primary email and the visibility new items get. Each change is one
 * transaction, which also raises the record's version.
 */
@Service
public class RecordSettingsWriter {

    private final ResearcherRepository researchers;

    private final RecordSettingsRepository settings;

    private final RecordReader reader;

    public RecordSettingsWriter(ResearcherRepository researchers, RecordSettingsRepository settings,
            RecordReader reader) {
        this.researchers = researchers;
        this.settings = settings;
        this.reader = reader;
    }

    @Transactional
    public void setDefaultVisibility(String orcid, Visibility visibility) {
        change(researcher(orcid), current -> current.withDefaultVisibility(visibility, Instant.now()));
    }

    /** New names (family and credit name may be null) and the visibility of the name. */
    @Transactional
    public void setName(String orcid, String givenNames, String familyName, String creditName,
            Visibility visibility) {
        Researcher researcher = researcher(orcid);
        this.researchers.update(new Researcher(researcher.orcid(), givenNames, familyName, creditName,
                researcher.email(), researcher.passwordHash(), researcher.createdAt()));
        change(researcher, current -> current.withNameVisibility(visibility, Instant.now()));
    }

    /** A blank text removes the biography. */
    @Transactional
    public void setBiography(String orcid, String text, Visibility visibility) {
        change(researcher(orcid), current -> current.withBiography(text, visibility, Instant.now()));
    }

    @Transactional
    public void setEmailVisibility(String orcid, Visibility visibility) {
        change(researcher(orcid), current -> current.withEmailVisibility(visibility, Instant.now()));
    }

    private void change(Researcher researcher, UnaryOperator<RecordSettings> change) {
        this.settings.save(change.apply(this.reader.settings(researcher)));
    }

    private Researcher researcher(String orcid) {
        return this.researchers.findByOrcid(orcid)
            .orElseThrow(() -> new IllegalArgumentException("No researcher " + orcid));
    }
}
