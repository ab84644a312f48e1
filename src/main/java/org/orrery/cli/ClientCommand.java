package org.orrery.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.orrery.clients.ClientLifecycle;
import org.orrery.clients.ClientLifecycle.ClientView;
import org.orrery.clients.ClientRegistration.Application;
import org.orrery.clients.ClientRegistration.Registered;
import org.orrery.clients.ClientRegistration.SecretReset;
import org.orrery.clients.ClientType;
import org.orrery.clients.RedirectUriMatching;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code client create|edit|show|list|lock|deactivate|reactivate|reset-secret|revoke-tokens}. */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Create and manage API clients.")
class ClientCommand implements Runnable {

    @ParentCommand
    private OrreryCli root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(this.spec.commandLine(),
                "Missing subcommand: create, edit, show, list, lock, deactivate, reactivate, reset-secret or revoke-tokens");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Register a client; prints its id and secret (shown once) as JSON.")
    int create(@Option(names = "--name", required = true, description = "the application's name") String name,
            @Option(names = "--description", description = "what it does (default: its name)") String description,
            @Option(names = "--website", description = "http or https address") String website,
            @Option(names = "--type", defaultValue = "member", description = "public, member or premium-member (default: ${DEFAULT-VALUE})") String type,
            @Option(names = "--redirect-uri", required = true, description = "a redirect URI (repeat for more)") List<String> redirectUris,
            @Option(names = "--matching", defaultValue = "exact", description = "exact or orcid-prefix (default: ${DEFAULT-VALUE})") String matching,
            @Option(names = "--scope", description = "an extra scope: /webhook, /premium-notification or /email/read-private (repeat for more)") List<String> scopes) {
        Application application = new Application(name, description == null ? name : description, website,
                redirectUris, type(type), matching(matching));
        Registered registered = this.root.bean(ClientLifecycle.class)
            .create(application, scopes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(scopes), OrreryCli.ACTOR);
        Map<String, Object> answer = describe(this.root.bean(ClientLifecycle.class).find(registered.client().clientId()));
        answer.put("client_secret", registered.clientSecret());
        this.root.print(answer);
        return 0;
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a client: only the options given change.")
    int edit(@Parameters(paramLabel = "CLIENT_ID") String clientId, @Option(names = "--name") String name,
            @Option(names = "--description") String description, @Option(names = "--website") String website,
            @Option(names = "--type") String type, @Option(names = "--redirect-uri") List<String> redirectUris,
            @Option(names = "--matching") String matching,
            @Option(names = "--scope", description = "replaces the extra scopes; --scope none removes them") List<String> scopes) {
        ClientLifecycle lifecycle = this.root.bean(ClientLifecycle.class);
        ClientView current = lifecycle.find(clientId);
        var client = current.client();
        Application application = new Application(name != null ? name : client.name(),
                description != null ? description : client.description(), website != null ? website : client.website(),
                redirectUris != null ? redirectUris : client.redirectUris(), type != null ? type(type) : client.type(),
                matching != null ? matching(matching) : client.redirectUriMatching());
        var extra = scopes == null ? new LinkedHashSet<>(current.extraScopes())
                : new LinkedHashSet<>(scopes.stream().filter(s -> !s.equals("none")).toList());
        this.root.print(describe(lifecycle.edit(clientId, application, extra, OrreryCli.ACTOR)));
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a client as JSON.")
    int show(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        this.root.print(describe(this.root.bean(ClientLifecycle.class).find(clientId)));
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the newest clients as a JSON array.")
    int list(@Option(names = "--limit", defaultValue = "100") int limit) {
        this.root.print(this.root.bean(ClientLifecycle.class).list(limit).stream().map(ClientCommand::describe).toList());
        return 0;
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Lock a client (client_locked; its tokens are refused).")
    int lock(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        this.root.bean(ClientLifecycle.class).lock(clientId, OrreryCli.ACTOR);
        return state(clientId);
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate a client (client_deactivated; its tokens are refused).")
    int deactivate(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        this.root.bean(ClientLifecycle.class).deactivate(clientId, OrreryCli.ACTOR);
        return state(clientId);
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Make a locked or deactivated client active again.")
    int reactivate(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        this.root.bean(ClientLifecycle.class).reactivate(clientId, OrreryCli.ACTOR);
        return state(clientId);
    }

    @Command(name = "reset-secret", mixinStandardHelpOptions = true,
            description = "Give a client a new secret (printed once); the previous one works through the grace period.")
    int resetSecret(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        SecretReset reset = this.root.bean(ClientLifecycle.class).resetSecret(clientId, OrreryCli.ACTOR);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", clientId);
        answer.put("client_secret", reset.clientSecret());
        answer.put("previous_secrets_end", reset.previousSecretsEnd().toString());
        this.root.print(answer);
        return 0;
    }

    @Command(name = "revoke-tokens", mixinStandardHelpOptions = true, description = "Revoke every token of a client.")
    int revokeTokens(@Parameters(paramLabel = "CLIENT_ID") String clientId) {
        int revoked = this.root.bean(ClientLifecycle.class).revokeTokens(clientId, OrreryCli.ACTOR);
        this.root.print(Map.of("client_id", clientId, "revoked_tokens", revoked));
        return 0;
    }

    private int state(String clientId) {
        ClientView view = this.root.bean(ClientLifecycle.class).find(clientId);
        this.root.print(Map.of("client_id", clientId, "state", view.state().name()));
        return 0;
    }

    private ClientType type(String type) {
        try {
            return ClientType.fromSeedName(type);
        }
        catch (IllegalArgumentException ex) {
            throw new ParameterException(this.spec.commandLine(), "--type: " + ex.getMessage());
        }
    }

    private RedirectUriMatching matching(String matching) {
        return switch (matching) {
            case "exact" -> RedirectUriMatching.EXACT;
            case "orcid-prefix" -> RedirectUriMatching.ORCID_PREFIX;
            default -> throw new ParameterException(this.spec.commandLine(),
                    "--matching: '" + matching + "' is not exact or orcid-prefix");
        };
    }

    static Map<String, Object> describe(ClientView view) {
        var client = view.client();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", client.clientId());
        answer.put("name", client.name());
        answer.put("description", client.description());
        answer.put("website", client.website());
        answer.put("type", switch (client.type()) {
            case PUBLIC -> "public";
            case MEMBER -> "member";
            case PREMIUM_MEMBER -> "premium-member";
        });
        answer.put("redirect_uris", client.redirectUris());
        answer.put("redirect_uri_matching", client.redirectUriMatching() == RedirectUriMatching.EXACT ? "exact" : "orcid-prefix");
        answer.put("extra_scopes", List.copyOf(view.extraScopes()));
        answer.put("state", view.state().name());
        answer.put("owner_orcid", client.ownerOrcid());
        return answer;
    }
}
