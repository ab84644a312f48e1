package org.orrery.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;

/**
 * The command line in the same jar: {@code java -jar orrery.jar client create ...}. The main class hands over
 * when the first argument names a command; Spring then starts without a web server, schedulers or mail sender
 * ({@code orrery.command-line=true}), against the configured database, runs the command and exits with its code:
 * 0 done, 1 refused (unknown iD or client, invalid value, database unreachable), 2 bad usage.
 */
public final class OrreryCommandLine {

    /** First arguments that select the command line instead of the server. */
    public static final Set<String> COMMANDS = Set.of("client", "researcher", "operator", "seed", "help", "--help",
            "-h", "--version", "-V");

    /** Spring Boot settings given on the command line pass through to Spring rather than to picocli. */
    private static final List<String> SPRING_PREFIXES = List.of("--spring.", "--orrery.", "--logging.",
            "--management.", "--server.", "--debug");

    private OrreryCommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs a command; answers its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : args) {
            if (SPRING_PREFIXES.stream().anyMatch(arg::startsWith)) {
                springArgs.add(arg);
            }
            else {
                commandArgs.add(arg);
            }
        }
        if (!commandArgs.isEmpty() && commandArgs.get(0).equals("help")) {
            commandArgs.set(0, "--help");
        }
        try (OrreryCli root = new OrreryCli(springArgs, out)) {
            CommandLine commandLine = new CommandLine(root);
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                cmd.getErr().println("error: " + OrreryCli.messageOf(ex));
                cmd.getErr().flush();
                return 1;
            });
            return commandLine.execute(commandArgs.toArray(String[]::new));
        }
        finally {
            out.flush();
            err.flush();
        }
    }
}
