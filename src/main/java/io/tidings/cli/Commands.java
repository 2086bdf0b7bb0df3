package io.tidings.cli;

import io.tidings.contacts.ImportBench;
import io.tidings.sms.SmsCountBench;
import io.tidings.sms.SmsCountCommand;

import java.io.PrintStream;
import java.util.Arrays;

/** sms and bench subcommands; each hands off to the module that owns the work. */
final class Commands {
    private Commands() {
    }

    static int sms(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 2 && args[1].equals("count")) {
            return SmsCountCommand.run(Arrays.copyOfRange(args, 2, args.length), System.in, out, err);
        }
        out.print("Usage: ./tidings sms count [--jsonl] [--smart] [--profile intl|cn] [--signature S] [--unsubscribe U] [\"text\"]\n");
        return Cli.wantsHelp(args) ? 0 : 2;
    }

    static int bench(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || (Cli.wantsHelp(args) && args.length == 2)) {
            out.print(Help.BENCH);
            return Cli.wantsHelp(args) ? 0 : 2;
        }
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        return switch (args[1]) {
            case "sms-count" -> SmsCountBench.run(rest, out);
            case "sms" -> Arrays.asList(rest).contains("--gateway")
                    ? io.tidings.sms.smpp.SmsBench.run(without(rest, "--gateway"), out)
                    : io.tidings.sms.smpp.SmsSendBench.run(rest, out, Cli::working);
            case "mail" -> io.tidings.mail.MailBench.run(rest, out, Cli::working);
            case "import" -> ImportBench.run(rest, out, dir -> Cli.offline(dir));
            default -> {
                err.println("tidings: unknown benchmark '" + args[1] + "'");
                yield 2;
            }
        };
    }

    private static String[] without(String[] args, String flag) {
        return Arrays.stream(args).filter(a -> !a.equals(flag)).toArray(String[]::new);
    }
}
