package io.tidings.cli;

final class Help {
    private Help() {
    }

    static final String MAIN = """
            Tidings: self-hosted customer messaging and marketing automation.

            Usage: ./tidings <command> [options]

            Commands:
              serve [--port 8080] [--data ./data]   run the server (embedded PostgreSQL unless TIDINGS_DB_URL is set)
              test                                  run the whole test suite
              token create --name NAME [--role admin|marketer|salesperson|viewer] [--data DIR]
                                                    print a new API token (stored hashed)
              sms count [--jsonl] [--smart] [--profile intl|cn] [--signature S] [--unsubscribe U] ["text"]
                                                    count SMS segments; needs no server or database
              bench import --rows N [--data DIR]    benchmark the streaming CSV contact import
              bench sms-count                       benchmark the SMS segment counter
              bench sms --messages N [--gateway]    benchmark the whole SMS send path (--gateway: the gateway only)
              bench mail --messages N [--sessions S] benchmark mail out (DKIM, queue, SMTP) and in (MX), against Postfix's tools

            Run './tidings <command> --help' for a command's options.
            """;

    static final String SERVE = """
            Usage: ./tidings serve [--port 8080] [--data ./data]

            Starts Tidings: web UI and API on the port, workers for the dispatch queue.
            With no TIDINGS_DB_URL, PostgreSQL runs embedded in <data>/pg and is kept across restarts.
            First start creates the user 'admin' with TIDINGS_ADMIN_PASSWORD, or prints a generated password once.
            """;

    static final String TOKEN = """
            Usage: ./tidings token create --name NAME [--role admin|marketer|salesperson|viewer] [--data DIR]

            Prints a new API token for 'Authorization: Bearer <token>'. Only its hash is stored,
            so copy it now. Uses the same database as './tidings serve' (also while it runs).
            """;

    static final String BENCH = """
            Usage:
              ./tidings bench import --rows N [--warmup W] [--data DIR]
                  Generates a CSV of N contacts (about 1% invalid rows), imports it into a fresh embedded database
                  after an uncounted warm-up import of W other rows (default min(N, 200000), deleted again) and
                  prints one JSON line with rows, imported, rejected, seconds, rows_per_second.
              ./tidings bench sms-count
                  Measures the SMS segment counter in MB/s against a plain read of the same text.
              ./tidings bench sms --messages N [--window W] [--warmup W] [--warmup-rounds R] [--pg-stats] [--data DIR]
                  The whole send path on a fresh database, to an SMSC simulator in its own process: N contacts,
                  credits, an smpp provider, one personalised send through the API's send, dispatch, SMPP,
                  receipts and settlement, after uncounted warm-up sends (5000, up to 10 rounds until the JIT
                  settles). The baseline is a bare jsmpp client on the same texts, warmed up the same way.
                  One JSON line (messages_per_second, baseline_messages_per_second, ratio, delivered, lost,
                  duplicated, credits, cpu_us_per_message). --pg-stats prints the timed send's top SQL.
              ./tidings bench sms --gateway --messages N [--window W]
                  The SMPP gateway alone (no database) to the same simulator, against the same baseline.
              ./tidings bench mail --messages N [--sessions S] [--data DIR] [--tools DIR]
                  Outgoing: N personalised, DKIM-signed emails through the dispatch queue into Postfix's
                  smtp-sink; incoming: Postfix's smtp-source into Tidings' inbound SMTP server (stored, parsed,
                  routed). Baselines: smtp-source into smtp-sink. Postfix's tools are fetched with
                  'apt-get download postfix' and unpacked, not installed. One JSON line with both rates,
                  both baselines, the ratios and lost.
            """;
}
