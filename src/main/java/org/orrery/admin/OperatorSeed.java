package org.orrery.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Grants the operator role to the iDs listed under {@code operators:} in the seed file, once the file's
 * researchers exist (after the seeder, before the node reports ready). Listing is additive: removing an iD from
 * the file does not withdraw the role (use {@code operator revoke}).
 */
@Component
public class OperatorSeed {

    private static final Logger log = LoggerFactory.getLogger(OperatorSeed.class);

    private final Operators operators;

    private final String seedFile;

    private final boolean commandLine;

    public OperatorSeed(Operators operators, @Value("${orrery.seed-file:}") String seedFile,
            @Value("${orrery.command-line:false}") boolean commandLine) {
        this.operators = operators;
        this.seedFile = seedFile;
        this.commandLine = commandLine;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void applyConfiguredFile() {
        if (this.seedFile != null && !this.seedFile.isBlank() && !this.commandLine) {
            apply(Path.of(this.seedFile));
        }
    }

    /** Grants the role to every iD under {@code operators:}; answers how many were listed. */
    public int apply(Path path) {
        List<String> listed = operatorsIn(path);
        for (String orcid : listed) {
            if (this.operators.grant(orcid, "seed file")) {
                log.info("Granted the operator role to {} (seed file)", orcid);
            }
        }
        return listed.size();
    }

    static List<String> operatorsIn(Path path) {
        Object document;
        try (InputStream in = Files.newInputStream(path)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("Seed file " + path + " cannot be read: " + ex.getMessage());
        }
        if (!(document instanceof Map<?, ?> top) || top.get("operators") == null) {
            return List.of();
        }
        if (!(top.get("operators") instanceof List<?> list)) {
            throw new IllegalArgumentException("Seed file " + path + ", section 'operators': a list of iDs");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
