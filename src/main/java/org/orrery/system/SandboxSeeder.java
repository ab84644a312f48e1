package org.orrery.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.orrery.clients.ClientRegistration;
import org.orrery.clients.ClientRepository;
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
 * is false), then the file named by {@code orrery.seed-file}. Applying the same file twice changes nothing; a
 * changed entry is updated. A bad file stops start-up with a message naming the file, entry and field.
 */
@Component
public class SandboxSeeder implements ApplicationRunner {


    private static final Logger log = LoggerFactory.getLogger(SandboxSeeder.class);

    private final ResearcherRepository researchers;
    private final ResearcherRegistration researcherRegistration;
    private final ClientRepository clients;
    private final ClientRegistration clientRegistration;
    private final TransactionTemplate transactions;
    private final boolean demoEnabled;
    private final String seedFile;

    SandboxSeeder(ResearcherRepository researchers, ResearcherRegistration researcherRegistration,
            ClientRepository clients, ClientRegistration clientRegistration, TransactionTemplate transactions,
            @Value("${orrery.demo.enabled:true}") boolean demoEnabled,
            @Value("${orrery.seed-file:}") String seedFile) {
        this.researchers = researchers;
        this.researcherRegistration = researcherRegistration;
        this.clients = clients;
        this.clientRegistration = clientRegistration;
        this.transactions = transactions;
        this.demoEnabled = demoEnabled;
        this.seedFile = seedFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (this.demoEnabled) {
            seedDemo();
        }
        if (this.seedFile != null && !this.seedFile.isBlank()) {
            Path path = Path.of(this.seedFile);
            SeedFile file = SeedFile.read(path);
            this.transactions.executeWithoutResult(status -> apply(path, file));
            log.info("Applied seed file {}: {} researchers, {} clients", path, file.researchers().size(),
                    file.clients().size());
        }
    }

    /** Applies a seed file now (the command line's {@code seed apply}); answers researchers and clients applied. */
    public int[] applyFile(Path path) {
        SeedFile file = SeedFile.read(path);
        this.transactions.executeWithoutResult(status -> apply(path, file));
        return new int[] { file.researchers().size(), file.clients().size() };
    }

    private void seedDemo() {
        if (this.researchers.findByOrcid(DemoSandbox.ORCID).isEmpty() && this.researchers.findByEmail(DemoSandbox.EMAIL).isEmpty()) {
            this.researcherRegistration.register(
                    new ResearcherRegistration.Application("Josiah", "Carberry", DemoSandbox.EMAIL, DemoSandbox.PASSWORD),
                    OrcidId.parse(DemoSandbox.ORCID));
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

    private void apply(Path path, SeedFile file) {
        for (int i = 0; i < file.researchers().size(); i++) {
            applyResearcher(path, "researchers[" + i + "]", file.researchers().get(i));
        }
        for (int i = 0; i < file.clients().size(); i++) {
            applyClient(path, "clients[" + i + "]", file.clients().get(i));
        }
    }

    private void applyResearcher(Path path, String where, SeedFile.ResearcherEntry entry) {
        var byEmail = this.researchers.findByEmail(entry.email());
        var byOrcid = entry.orcid() == null ? byEmail : this.researchers.findByOrcid(entry.orcid());
        if (byEmail.isPresent() && byOrcid.isPresent() && !byEmail.get().orcid().equals(byOrcid.get().orcid())) {
            throw new SeedFile.InvalidSeedFileException("Seed file " + path + ", entry " + where
                    + ", field 'email': " + entry.email() + " already belongs to " + byEmail.get().orcid());
        }
        if (byEmail.isPresent() && byOrcid.isEmpty()) {
            throw new SeedFile.InvalidSeedFileException("Seed file " + path + ", entry " + where
                    + ", field 'email': " + entry.email() + " already belongs to " + byEmail.get().orcid());
        }
        var application = new ResearcherRegistration.Application(entry.givenNames(), entry.familyName(),
                entry.email(), entry.password());
        if (byOrcid.isEmpty()) {
            Researcher created = entry.orcid() == null ? this.researcherRegistration.registerSeeded(application)
                    : this.researcherRegistration.register(application, OrcidId.parse(entry.orcid()));
            log.info("Seeded researcher {} ({})", created.orcid(), created.email());
            return;
        }
        Researcher current = byOrcid.get();
        String passwordHash = this.researcherRegistration.passwordMatches(entry.password(), current.passwordHash())
                ? current.passwordHash() : this.researcherRegistration.hashPassword(entry.password());
        Researcher wanted = new Researcher(current.orcid(), entry.givenNames(), entry.familyName(),
                current.creditName(), entry.email(), passwordHash, current.createdAt());
        if (!wanted.equals(current)) {
            this.researchers.update(wanted);
            log.info("Updated seeded researcher {}", current.orcid());
        }
    }

    private void applyClient(Path path, String where, SeedFile.ClientEntry entry) {
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
                    "Seed file " + path + ", entry " + where + ", field '" + field + "': " + first.getValue());
        }
        String clientId = entry.clientId() != null ? entry.clientId()
                : this.clients.findUnownedByName(entry.name()).orElseGet(this.clientRegistration::newClientId);
        var registered = this.clientRegistration.upsert(clientId, application, entry.clientSecret());
        if (registered.clientSecret() != null) {
            log.info("Seeded client {} with generated secret {} (shown once)", clientId, registered.clientSecret());
        }
    }
}
