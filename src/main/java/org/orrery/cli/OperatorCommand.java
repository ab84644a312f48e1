package org.orrery.cli;

import java.util.Map;

import org.orrery.admin.Operators;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code operator grant|revoke|list}: who may use the console at /admin. */
@Command(name = "operator", mixinStandardHelpOptions = true, description = "Grant or withdraw the operator role.")
class OperatorCommand implements Runnable {

    @ParentCommand
    private OrreryCli root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(this.spec.commandLine(), "Missing subcommand: grant, revoke or list");
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Make a researcher an operator.")
    int grant(@Parameters(paramLabel = "ORCID") String orcid) {
        boolean changed = this.root.bean(Operators.class).grant(orcid, OrreryCli.ACTOR);
        this.root.print(Map.of("orcid", orcid, "operator", true, "changed", changed));
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Withdraw a researcher's operator role.")
    int revoke(@Parameters(paramLabel = "ORCID") String orcid) {
        boolean changed = this.root.bean(Operators.class).revoke(orcid, OrreryCli.ACTOR);
        this.root.print(Map.of("orcid", orcid, "operator", false, "changed", changed));
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the operators' iDs as a JSON array.")
    int list() {
        this.root.print(this.root.bean(Operators.class).list());
        return 0;
    }
}
