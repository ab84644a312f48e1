package org.orrery.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.orrery.admin.OperatorSeed;
import org.orrery.system.SandboxSeeder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code seed apply FILE}: applies a seed file (researchers, clients, operators) now, as start-up would. */
@Command(name = "seed", mixinStandardHelpOptions = true, description = "Apply a seed file.")
class SeedCommand implements Runnable {

    @ParentCommand
    private OrreryCli root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(this.spec.commandLine(), "Missing subcommand: apply");
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Apply a seed file (the README's format, plus 'operators:' a list of iDs); idempotent.")
    int apply(@Parameters(paramLabel = "FILE") Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(this.spec.commandLine(), "Seed file " + file + " does not exist");
        }
        int[] applied = this.root.bean(SandboxSeeder.class).applyFile(file);
        int operators = this.root.bean(OperatorSeed.class).apply(file);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("file", file.toString());
        answer.put("researchers", applied[0]);
        answer.put("clients", applied[1]);
        answer.put("operators", operators);
        this.root.print(answer);
        return 0;
    }
}
