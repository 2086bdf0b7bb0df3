package io.tidings.cli;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.NewToken;
import io.tidings.accounts.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Subcommand dispatch. Returns an exit code, or -1 when a server keeps running. */
public final class Cli {

    private Cli() {
    }

    private static Class<?> application;

    /** @param app the Spring Boot application class, passed in so this module does not depend on the root */
    public static int run(String[] args, Class<?> app) {
        application = app;
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (args.length == 0 || isHelp(args[0])) {
            out.print(Help.MAIN);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "serve" -> serve(args);
                case "token" -> token(args, out);
                case "sms" -> Commands.sms(args, out, err);
                case "bench" -> Commands.bench(args, out, err);
                default -> {
                    err.println("tidings: unknown command '" + args[0] + "'. Run ./tidings --help.");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("tidings: " + e.getMessage());
            return 2;
        }
    }

    static boolean isHelp(String a) {
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }

    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static int serve(String[] args) {
        if (wantsHelp(args)) {
            System.out.print(Help.SERVE);
            return 0;
        }
        Args a = Args.parse(args, 1, Set.of("port", "data"), Set.of());
        List<String> spring = new ArrayList<>();
        if (a.has("port")) {
            spring.add("--server.port=" + Integer.parseInt(a.get("port", "8080")));
        }
        if (a.has("data")) {
            spring.add("--tidings.data-dir=" + a.get("data", "./data"));
        }
        SpringApplication.run(application, spring.toArray(String[]::new));
        return -1;
    }

    private static int token(String[] args, PrintStream out) {
        if (wantsHelp(args) || args.length < 2 || !args[1].equals("create")) {
            out.print(Help.TOKEN);
            return wantsHelp(args) ? 0 : 2;
        }
        Args a = Args.parse(args, 2, Set.of("name", "role", "data"), Set.of());
        String name = a.get("name", null);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("token create needs --name NAME");
        }
        Role role = Role.parse(a.get("role", "admin"));
        try (ConfigurableApplicationContext ctx = offline(a.get("data", null))) {
            NewToken token = ctx.getBean(AccountsApi.class).createToken(name, role, null);
            out.println(token.secret());
        }
        return 0;
    }

    /** The application with its dispatch workers but no web server: for a benchmark that sends through the queue. */
    static ConfigurableApplicationContext working(List<String> args) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        List<String> props = new ArrayList<>(List.of("--logging.level.root=warn"));
        props.addAll(args);
        return app.run(props.toArray(String[]::new));
    }

    /** The application without its web server: same database, same migrations, for one-shot commands. */
    static ConfigurableApplicationContext offline(String dataDir, String... extra) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        List<String> props = new ArrayList<>(List.of("--logging.level.root=warn", "--tidings.workers.enabled=false"));
        if (dataDir != null) {
            props.add("--tidings.data-dir=" + dataDir);
        }
        props.addAll(List.of(extra));
        return app.run(props.toArray(String[]::new));
    }
}
