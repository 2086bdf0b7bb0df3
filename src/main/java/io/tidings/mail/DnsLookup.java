package io.tidings.mail;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks DNS one question at a time, without a cache: "Check DNS now" right after publishing must see the
 * new record, not a negative answer remembered from a minute ago. Every failure becomes an answer.
 */
class DnsLookup {

    /** What DNS said. {@code values} are whole TXT records (their strings joined) or MX {@code <preference> <host>}. */
    record DnsAnswer(Kind kind, List<String> values, String problem) {
        enum Kind { FOUND, NO_SUCH_NAME, NO_DATA, UNREACHABLE }

        static DnsAnswer unreachable(String problem) {
            return new DnsAnswer(Kind.UNREACHABLE, List.of(), problem);
        }
    }

    private final Resolver resolver;
    private final Duration timeout;
    private final String description;

    DnsLookup(Resolver resolver, Duration timeout, String description) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.description = description;
        resolver.setTimeout(timeout);
    }

    /** {@code host}, {@code host:port} or {@code [v6]:port} each; none means the system's resolvers. */
    static DnsLookup of(List<String> servers, Duration timeout) {
        if (servers.isEmpty()) {
            ExtendedResolver system = new ExtendedResolver();
            system.setRetries(1);
            return new DnsLookup(system, timeout, "the system's DNS resolvers");
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (String s : servers) {
            resolvers.add(new SimpleResolver(address(s)));
        }
        if (resolvers.size() == 1) {
            return new DnsLookup(resolvers.getFirst(), timeout, servers.getFirst());
        }
        ExtendedResolver several = new ExtendedResolver(resolvers);
        several.setRetries(1);
        return new DnsLookup(several, timeout, String.join(", ", servers));
    }

    static InetSocketAddress address(String server) {
        String host = server.trim();
        int port = SimpleResolver.DEFAULT_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("tidings.mail.dns-resolver: '" + server + "' lacks its closing ]");
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (rest.startsWith(":")) {
                port = port(server, rest.substring(1));
            }
        } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            port = port(server, host.substring(host.indexOf(':') + 1));
            host = host.substring(0, host.indexOf(':'));
        }
        return new InetSocketAddress(host, port);
    }

    private static int port(String server, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the sentence below
        }
        throw new IllegalArgumentException("tidings.mail.dns-resolver: '" + server + "' does not end in a port 1-65535");
    }

    /** Which servers are asked, for the page. */
    String description() {
        return description;
    }

    CompletableFuture<DnsAnswer> txt(String name) {
        return ask(name, Type.TXT);
    }

    CompletableFuture<DnsAnswer> mx(String name) {
        return ask(name, Type.MX);
    }

    private CompletableFuture<DnsAnswer> ask(String name, int type) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(DnsAnswer.unreachable("'" + name + "' is not a DNS name: " + e.getMessage()));
        }
        return resolver.sendAsync(query).toCompletableFuture()
                .orTimeout(timeout.toMillis() * 3, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null ? read(response, type)
                        : DnsAnswer.unreachable(why(failure, Type.string(type), name)));
    }

    private DnsAnswer read(Message response, int type) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer(DnsAnswer.Kind.NO_SUCH_NAME, List.of(), null);
        }
        if (rcode != Rcode.NOERROR) {
            return DnsAnswer.unreachable(description + " answered " + Rcode.string(rcode)
                    + (rcode == Rcode.SERVFAIL ? " (it could not reach the domain's name servers)" : ""));
        }
        List<String> values = new ArrayList<>();
        // a CNAME chain ends in records owned by another name: every record of the asked type counts
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type && r instanceof TXTRecord txt) {
                values.add(joined(txt));
            } else if (r.getType() == type && r instanceof MXRecord mx) {
                values.add(mx.getPriority() + " " + DnsSettings.stripDot(mx.getTarget().toString().toLowerCase(Locale.ROOT)));
            }
        }
        return values.isEmpty() ? new DnsAnswer(DnsAnswer.Kind.NO_DATA, List.of(), null)
                : new DnsAnswer(DnsAnswer.Kind.FOUND, List.copyOf(values), null);
    }

    /** A TXT record's strings are one value without separators (RFC 7208 section 3.3, RFC 6376 section 3.6.2.2). */
    static String joined(TXTRecord txt) {
        StringBuilder out = new StringBuilder();
        for (Object part : txt.getStringsAsByteArrays()) {
            out.append(new String((byte[]) part, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private String why(Throwable failure, String type, String name) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return "No answer from " + description + " within " + timeout.toMillis() + " ms for the " + type + " record of " + name + ".";
        }
        if (cause instanceof java.net.PortUnreachableException || cause instanceof java.net.ConnectException) {
            return "Nothing answers DNS at " + description + " (asked for the " + type + " record of " + name + ").";
        }
        return "Could not ask " + description + " for the " + type + " record of " + name + ": "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ".";
    }
}
