package org.orrery.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orrery.clients.ClientRegistration;
import org.orrery.clients.ClientRepository;
import org.orrery.clients.ClientStates;
import org.orrery.clients.ClientType;
import org.orrery.clients.RedirectUriMatching;
import org.orrery.registry.OrcidId;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRegistration;
import org.orrery.registry.ResearcherRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a sandbox at start-up: the demo researcher and demo member client (unless {@code orrery.demo.enabled}
 * is false), then the file named by {@code orrery.seed-file}: researchers with their record content, and
 * clients. Applying the same file twice changes nothing; a changed entry is updated, a record item gone from the
 * file is removed. A bad file stops start-up with a message naming the file, entry and field.
 * <p>
 * A sandbox reset applies the file read at start-up again to an emptied database ({@link #snapshot()} before
 * emptying it, {@link #reapply(Snapshot)} after): minted iDs and client ids, generated client secrets and the
 * put-codes of seeded items come back as they were.
 */
@Component
public class SandboxSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SandboxSeeder.class);

    private final ResearcherRepository researchers;
    private final ResearcherRegistration researcherRegistration;
    private final ClientRepository clients;
    private final ClientRegistration clientRegistration;
    private final ClientStates clientStates;
    private final SeedItems items;
    private final TransactionTemplate transactions;
    private final boolean demoEnabled;
    private final String seedFile;

    /** bcrypt hashes of the file's passwords, made once, so that a reset does not pay for hashing again. */
    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();

    private volatile Path path;

    private volatile SeedFile file = new SeedFile(List.of(), List.of());

    SandboxSeeder(ResearcherRepository researchers, ResearcherRegistration researcherRegistration,
            ClientRepository clients, ClientRegistration clientRegistration, ClientStates clientStates, SeedItems items,
            TransactionTemplate transactions, @Value("${orrery.demo.enabled:true}") boolean demoEnabled,
            @Value("${orrery.seed-file:}") String seedFile) {
        this.researchers = researchers;
        this.researcherRegistration = researcherRegistration;
        this.clients = clients;
        this.clientRegistration = clientRegistration;
        this.clientStates = clientStates;
        this.items = items;
        this.transactions = transactions;
        this.demoEnabled = demoEnabled;
        this.seedFile = seedFile;
    }

    /** What a reset keeps from before it: identities the file leaves to the server. */
    public static final class Snapshot {

        private final Map<String, String> orcidsByEmail;
        private final Map<String, String> clientIdsByName;
        private final Map<String, String> secretHashesByClient;
        private final Map<SeedItems.Place, Long> putCodes;

        private Snapshot(Map<String, String> orcidsByEmail, Map<String, String> clientIdsByName,
                Map<String, String> secretHashesByClient, Map<SeedItems.Place, Long> putCodes) {
            this.orcidsByEmail = orcidsByEmail;
            this.clientIdsByName = clientIdsByName;
            this.secretHashesByClient = secretHashesByClient;
            this.putCodes = putCodes;
        }

        static Snapshot none() {
            return new Snapshot(Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    /** A seeded researcher as the sandbox overview lists it. */
    public record SeededResearcher(String orcid, String name, String email, String password) {
    }

    /** A seeded client as the sandbox overview lists it; {@code secret} is null when the server generated it. */
    public record SeededClient(String clientId, String secret, String name, String type, List<String> redirectUris) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (this.seedFile != null && !this.seedFile.isBlank()) {
            this.path = Path.of(this.seedFile);
            this.file = SeedFile.read(this.path);
        }
        this.transactions.executeWithoutResult(status -> reapply(Snapshot.none()));
        if (this.path != null) {
            log.info("Applied seed file {}: {} researchers, {} clients", this.path, this.file.researchers().size(),
                    this.file.clients().size());
        }
    }

    /** Reads, before a reset empties the database, what must come back as it was. */
    public Snapshot snapshot() {
        Map<String, String> orcids = new HashMap<>();
        for (SeedFile.ResearcherEntry entry : this.file.researchers()) {
            if (entry.orcid() == null) {
                this.researchers.findByEmail(entry.email()).ifPresent(r -> orcids.put(entry.email(), r.orcid().value()));
            }
        }
        Map<String, String> clientIds = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (SeedFile.ClientEntry entry : this.file.clients()) {
            String clientId = entry.clientId() != null ? entry.clientId()
                    : this.clients.findUnownedByName(entry.name()).orElse(null);
            if (clientId == null) {
                continue;
            }
            clientIds.put(entry.name(), clientId);
            if (entry.clientSecret() == null) {
                this.clients.activeSecretHashes(clientId).stream().findFirst().ifPresent(h -> secrets.put(clientId, h));
            }
        }
        return new Snapshot(orcids, clientIds, secrets, this.items.putCodes());
    }

    /** Applies the demo seed and the seed file; run it in a transaction. */
    public void reapply(Snapshot snapshot) {
        if (this.demoEnabled) {
            seedDemo();
        }
        applyEntries(this.path, this.file, snapshot);
    }

    private void applyEntries(Path source, SeedFile entries, Snapshot snapshot) {
        for (int i = 0; i < entries.clients().size(); i++) {
            applyClient(source, "clients[" + i + "]", entries.clients().get(i), snapshot);
        }
        for (int i = 0; i < entries.researchers().size(); i++) {
            applyResearcher(source, "researchers[" + i + "]", entries.researchers().get(i), snapshot);
        }
    }

    /** The seeded researchers and clients (the demo ones first), as they are now. */
    public List<SeededResearcher> seededResearchers() {
        List<SeededResearcher> list = new ArrayList<>();
        if (this.demoEnabled) {
            list.add(new SeededResearcher(DemoSandbox.ORCID, "Josiah Carberry", DemoSandbox.EMAIL, DemoSandbox.PASSWORD));
        }
        for (SeedFile.ResearcherEntry entry : this.file.researchers()) {
            String orcid = entry.orcid() != null ? entry.orcid()
                    : this.researchers.findByEmail(entry.email()).map(r -> r.orcid().value()).orElse(null);
            String name = entry.familyName() == null ? entry.givenNames() : entry.givenNames() + " " + entry.familyName();
            list.add(new SeededResearcher(orcid, name, entry.email(), entry.password()));
        }
        return list;
    }

    public List<SeededClient> seededClients() {
        List<SeededClient> list = new ArrayList<>();
        if (this.demoEnabled) {
            list.add(new SeededClient(DemoSandbox.CLIENT_ID, DemoSandbox.CLIENT_SECRET, "Orrery demo client",
                    ClientType.MEMBER.name(), List.of(DemoSandbox.REDIRECT_URI)));
        }
        for (SeedFile.ClientEntry entry : this.file.clients()) {
            String clientId = entry.clientId() != null ? entry.clientId()
                    : this.clients.findUnownedByName(entry.name()).orElse(null);
            list.add(new SeededClient(clientId, entry.clientSecret(), entry.name(), entry.type().name(),
                    entry.redirectUris()));
        }
        return list;
    }

    /** Applies a seed file now (the command line's {@code seed apply}); answers researchers and clients applied. */
    public int[] applyFile(Path path) {
        SeedFile file = SeedFile.read(path);
        this.transactions.executeWithoutResult(status -> applyEntries(path, file, Snapshot.none()));
        return new int[] { file.researchers().size(), file.clients().size() };
    }

    private void seedDemo() {
        if (this.researchers.findByOrcid(DemoSandbox.ORCID).isEmpty() && this.researchers.findByEmail(DemoSandbox.EMAIL).isEmpty()) {
            insertResearcher(OrcidId.parse(DemoSandbox.ORCID), new ResearcherRegistration.Application("Josiah",
                    "Carberry", DemoSandbox.EMAIL, DemoSandbox.PASSWORD));
            log.info("Seeded demo researcher {} ({}, password '{}')", DemoSandbox.ORCID, DemoSandbox.EMAIL, DemoSandbox.PASSWORD);
        }
        if (this.clients.findById(DemoSandbox.CLIENT_ID).isEmpty()) {
            this.clientRegistration.upsert(DemoSandbox.CLIENT_ID,
                    new ClientRegistration.Application("Orrery demo client",
                            "A member integration seeded for trying the OAuth dance in a sandbox.",
                            "https://example.org", List.of(DemoSandbox.REDIRECT_URI), ClientType.MEMBER,
                            RedirectUriMatching.EXACT),
                    DemoSandbox.CLIENT_SECRET);
            log.info("Seeded demo member client {} (secret '{}')", DemoSandbox.CLIENT_ID, DemoSandbox.CLIENT_SECRET);
        }
    }

    private void applyResearcher(Path source, String where, SeedFile.ResearcherEntry entry, Snapshot snapshot) {
        String orcidGiven = entry.orcid() != null ? entry.orcid() : snapshot.orcidsByEmail.get(entry.email());
        var byEmail = this.researchers.findByEmail(entry.email());
        var byOrcid = orcidGiven == null ? byEmail : this.researchers.findByOrcid(orcidGiven);
        if (byEmail.isPresent() && (byOrcid.isEmpty() || !byEmail.get().orcid().equals(byOrcid.get().orcid()))) {
            throw new SeedFile.InvalidSeedFileException("Seed file " + source + ", entry " + where
                    + ", field 'email': " + entry.email() + " already belongs to " + byEmail.get().orcid());
        }
        var application = new ResearcherRegistration.Application(entry.givenNames(), entry.familyName(),
                entry.email(), entry.password());
        Researcher researcher;
        if (byOrcid.isEmpty()) {
            researcher = orcidGiven == null ? this.researcherRegistration.registerSeeded(application)
                    : insertResearcher(OrcidId.parse(orcidGiven), application);
            this.passwordHashes.putIfAbsent(entry.password(), researcher.passwordHash());
            log.info("Seeded researcher {} ({})", researcher.orcid(), researcher.email());
        }
        else {
            Researcher current = byOrcid.get();
            String passwordHash = current.passwordHash().equals(this.passwordHashes.get(entry.password()))
                    || this.researcherRegistration.passwordMatches(entry.password(), current.passwordHash())
                    ? current.passwordHash() : hash(entry.password());
            this.passwordHashes.putIfAbsent(entry.password(), passwordHash);
            researcher = new Researcher(current.orcid(), entry.givenNames(), entry.familyName(),
                    current.creditName(), entry.email(), passwordHash, current.createdAt());
            if (!researcher.equals(current)) {
                this.researchers.update(researcher);
                log.info("Updated seeded researcher {}", current.orcid());
            }
        }
        this.items.apply(researcher, entry.record(), snapshot.putCodes);
    }

    /** Registers with a given iD, hashing each seed password once per node. */
    private Researcher insertResearcher(OrcidId orcid, ResearcherRegistration.Application application) {
        Researcher researcher = new Researcher(orcid, application.givenNames().trim(),
                application.familyName() == null || application.familyName().isBlank() ? null
                        : application.familyName().trim(),
                null, application.email().trim(), hash(application.password()), java.time.Instant.now());
        this.researchers.insert(researcher, true); // a seeded address counts as verified
        return researcher;
    }

    private String hash(String password) {
        return this.passwordHashes.computeIfAbsent(password, this.researcherRegistration::hashPassword);
    }

    private void applyClient(Path source, String where, SeedFile.ClientEntry entry, Snapshot snapshot) {
        var application = new ClientRegistration.Application(entry.name(), entry.description(), entry.website(),
                entry.redirectUris(), entry.type(), entry.matching());
        Map<String, String> errors = this.clientRegistration.validate(application);
        if (!errors.isEmpty()) {
            var first = errors.entrySet().iterator().next();
            String field = switch (first.getKey()) {
                case "redirectUris" -> "redirect-uris";
                default -> first.getKey();
            };
            throw new SeedFile.InvalidSeedFileException(
                    "Seed file " + source + ", entry " + where + ", field '" + field + "': " + first.getValue());
        }
        String clientId = entry.clientId() != null ? entry.clientId()
                : snapshot.clientIdsByName.containsKey(entry.name()) ? snapshot.clientIdsByName.get(entry.name())
                        : this.clients.findUnownedByName(entry.name()).orElseGet(this.clientRegistration::newClientId);
        var registered = this.clientRegistration.upsert(clientId, application, entry.clientSecret());
        if (entry.scopes() != null) {
            this.clientStates.setExtraScopes(clientId, entry.scopes());
        }
        String kept = snapshot.secretHashesByClient.get(clientId);
        if (registered.clientSecret() != null && kept != null) {
            this.clients.replaceSecrets(clientId, kept);
        }
        else if (registered.clientSecret() != null) {
            log.info("Seeded client {} with generated secret {} (shown once)", clientId, registered.clientSecret());
        }
    }
}
