package io.tidings;

import io.tidings.cli.Cli;

/** Entry point of the jar: every ./tidings subcommand lands here. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args, TidingsApplication.class);
        if (code >= 0) {
            System.exit(code);
        }
        // negative: a server is running; its threads keep the JVM alive
    }
}
