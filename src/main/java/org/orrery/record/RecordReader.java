package org.orrery.record;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.orrery.registry.OrcidId;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.registry.VersionedResearcher;
import org.springframework.stereotype.Service;

/** Loads a record for one reader, keeping only the items that reader may see. */
@Service
public class RecordReader {

    private final ResearcherRepository researchers;

    private final RecordSettingsRepository settings;

    private final ItemRepository items;

    private final AccountEmailReader emails;

    public RecordReader(ResearcherRepository researchers, RecordSettingsRepository settings, ItemRepository items,
            AccountEmailReader emails) {
        this.researchers = researchers;
        this.settings = settings;
        this.items = items;
        this.emails = emails;
    }

    public Optional<Researcher> researcher(String orcid) {
        return OrcidId.isValid(orcid) ? this.researchers.findByOrcid(orcid) : Optional.empty();
    }

    /** The researcher and their record's version, read first so that what is read after is at least as new. */
    public Optional<VersionedResearcher> versionedResearcher(String orcid) {
        return this.researchers.findWithRecordVersion(orcid);
    }

    public RecordSettings settings(Researcher researcher) {
        String orcid = researcher.orcid().value();
        return this.settings.find(orcid).orElseGet(() -> RecordSettings.defaults(orcid, researcher.createdAt()));
    }

    /** The whole record. */
    public RecordView view(Researcher researcher, ReadAccess access) {
        return filter(researcher, access, this.items.findAll(researcher.orcid().value()));
    }

    /** Only some kinds of item (a section, the person, the activities). */
    public RecordView view(Researcher researcher, ReadAccess access, Collection<ItemType> types) {
        return filter(researcher, access, this.items.findByTypes(researcher.orcid().value(), types));
    }

    /** One item, whether or not the reader may see it (the caller decides how to refuse). */
    public Optional<RecordItem> item(Researcher researcher, PutCode putCode) {
        return this.items.find(researcher.orcid().value(), putCode);
    }

    /**
     * Keeps the items the reader may see; for anyone but the owner, an e-mail item only when its address is one of
     * the account's verified addresses (only verified addresses are shown, ORCID wave 2 §5.1).
     */
    private RecordView filter(Researcher researcher, ReadAccess access, List<RecordItem> all) {
        RecordSettings settings = settings(researcher);
        List<AccountEmail> verified = this.emails.verified(researcher.orcid().value(), settings);
        java.util.Set<String> addresses = verified.stream().map(AccountEmail::address)
            .collect(java.util.stream.Collectors.toSet());
        List<RecordItem> visible = all.stream()
            .filter(access::canSee)
            .filter(item -> item.type() != ItemType.EMAIL || access.isOwner()
                    || addresses.contains(item.body().path("email").asString("").trim().toLowerCase(java.util.Locale.ROOT)))
            .toList();
        return new RecordView(researcher, settings, access, visible, verified);
    }
}
