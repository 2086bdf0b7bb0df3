package io.tidings.cli;

import java.io.PrintStream;

/** sms and bench subcommands; each hands off to the module that owns the work. */
final class Commands {
    private Commands() {
    }

    static int sms(String[] args, PrintStream out, PrintStream err) {
        err.println("tidings: sms commands are not built yet");
        return 2;
    }

    static int bench(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || Cli.wantsHelp(args)) {
            out.print(Help.BENCH);
            return Cli.wantsHelp(args) ? 0 : 2;
        }
        err.println("tidings: unknown benchmark '" + args[1] + "'");
        return 2;
    }
}
