package org.orrery.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.orrery.OrreryApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataAccessException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The root command. It starts Spring only when a command runs, so {@code --help} and usage errors answer at
 * once; no port is opened ({@code server.port=-1}) and no scheduled job runs ({@code orrery.command-line=true}).
 */
@Command(name = "orrery", mixinStandardHelpOptions = true, version = "Orrery",
        description = { "Operate an Orrery registry against its configured database, without starting the server.",
                "The database comes from the server's configuration (SPRING_DATASOURCE_URL,"
                        + " --spring.datasource.url=...). Output is JSON; errors go to stderr.",
                "Exit codes: 0 done, 1 refused (unknown iD or client, invalid value, database unreachable),"
                        + " 2 bad usage." },
        subcommands = { ClientCommand.class, ResearcherCommand.class, OperatorCommand.class, SeedCommand.class })
public class OrreryCli implements Runnable, AutoCloseable {

    /** Who the audit trail names for actions taken here. */
    static final String ACTOR = "command line";

    private final List<String> springArgs;

    private final PrintWriter out;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * No port for a command, whatever the configuration says (application.properties, {@code SERVER_PORT}), so
     * that it runs beside a server on the same host.
     */
    private static final Map<String, Object> NO_PORTS = Map.of("server.port", "-1", "management.server.port", "-1");

    private ConfigurableApplicationContext context;

    @Spec
    private CommandSpec spec;

    OrreryCli(List<String> springArgs, PrintWriter out) {
        this.springArgs = springArgs;
        this.out = out;
    }

    @Override
    public void run() {
        throw new ParameterException(this.spec.commandLine(), "Missing command: client, researcher, operator or seed");
    }

    /** A bean of the started application (started on first use). */
    <T> T bean(Class<T> type) {
        if (this.context == null) {
            List<String> args = new ArrayList<>(this.springArgs);
            this.context = new SpringApplicationBuilder(OrreryApplication.class)
                // The server's own security configuration needs a servlet context; with port -1 none is opened.
                .web(WebApplicationType.SERVLET)
                // Lazy: a command needs a few repositories, not the pages, filters and API of the whole server
                // (about a fifth of a command's start-up).
                .properties("orrery.command-line=true", "spring.main.lazy-initialization=true",
                        "spring.main.banner-mode=off", "logging.threshold.console=OFF",
                        "spring.main.log-startup-info=false")
                // Above every other source: the web server is made after the initializers run.
                .initializers(context -> context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("orrery-command-line", NO_PORTS)))
                .run(args.toArray(String[]::new));
        }
        return this.context.getBean(type);
    }

    /** Prints a value as one line of JSON on stdout. */
    void print(Object value) {
        this.out.println(this.json.writeValueAsString(value));
        this.out.flush();
    }

    @Override
    public void close() {
        if (this.context != null) {
            this.context.close();
        }
    }

    /** The sentence for an operator: the deepest meaningful cause, never a stack trace. */
    static String messageOf(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return "the database cannot be used: " + rootMessage(cause);
            }
            cause = cause.getCause();
        }
        if (cause instanceof SQLException) {
            return "the database cannot be used: " + cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String rootMessage(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
