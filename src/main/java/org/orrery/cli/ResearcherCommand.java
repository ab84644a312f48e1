package org.orrery.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.orrery.lifecycle.Actor;
import org.orrery.lifecycle.RecordLifecycle;
import org.orrery.lifecycle.RecordState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code researcher show|lock|unlock|deactivate|reactivate|deprecate}: a record's lifecycle. */
@Command(name = "researcher", mixinStandardHelpOptions = true, description = "Change a researcher's record state.")
class ResearcherCommand implements Runnable {

    static final Actor ACTOR = Actor.operator(OrreryCli.ACTOR);

    @ParentCommand
    private OrreryCli root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(this.spec.commandLine(),
                "Missing subcommand: show, lock, unlock, deactivate, reactivate or deprecate");
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the record's state as JSON.")
    int show(@Parameters(paramLabel = "ORCID") String orcid) {
        return print(lifecycle().stateOf(orcid));
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Lock a record (API 409/9018; the owner can still sign in).")
    int lock(@Parameters(paramLabel = "ORCID") String orcid,
            @Option(names = "--reason", required = true, description = "why (kept on the record and the audit trail)") String reason) {
        return print(lifecycle().lock(orcid, ACTOR, reason));
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Unlock a locked record.")
    int unlock(@Parameters(paramLabel = "ORCID") String orcid) {
        return print(lifecycle().unlock(orcid, ACTOR));
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate a record (cleared; its tokens revoked).")
    int deactivate(@Parameters(paramLabel = "ORCID") String orcid) {
        return print(lifecycle().deactivate(orcid, ACTOR));
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Reactivate a deactivated record.")
    int reactivate(@Parameters(paramLabel = "ORCID") String orcid) {
        return print(lifecycle().reactivate(orcid, ACTOR));
    }

    @Command(name = "deprecate", mixinStandardHelpOptions = true, description = "Merge a duplicate record into the one kept.")
    int deprecate(@Parameters(paramLabel = "ORCID") String orcid,
            @Option(names = "--into", required = true, paramLabel = "ORCID", description = "the record kept") String into) {
        return print(lifecycle().deprecate(orcid, into, ACTOR));
    }

    private RecordLifecycle lifecycle() {
        return this.root.bean(RecordLifecycle.class);
    }

    private int print(RecordState state) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orcid", state.orcid());
        answer.put("state", state.status().name());
        answer.put("deprecated_into", state.deprecatedInto());
        answer.put("reason", state.reason());
        answer.put("changed_at", state.changedAt() == null ? null : state.changedAt().toString());
        this.root.print(answer);
        return 0;
    }
}
