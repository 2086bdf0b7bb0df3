package io.tidings.mail;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny authoritative DNS server on 127.0.0.1 for tests, over UDP and TCP on one free port: answers from
 * a zone map, NXDOMAIN for unknown names, SERVFAIL where told to, and (when silent) nothing at all.
 * UDP answers too big for the asker are truncated, so the resolver retries over TCP as in real life.
 */
final class DnsStub implements AutoCloseable {

    private static final DnsStub SHARED = start();

    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean silent;

    private DnsStub(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        Thread.ofPlatform().daemon().name("dns-stub-udp").start(this::serveUdp);
        Thread.ofPlatform().daemon().name("dns-stub-tcp").start(this::serveTcp);
    }

    /** The one stub of this JVM, which {@link Initializer} points {@code tidings.mail.dns-resolver} at. */
    static DnsStub shared() {
        return SHARED;
    }

    static DnsStub start() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocket tcp = null;
            try {
                tcp = new ServerSocket(0, 50, loopback);
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
                return new DnsStub(udp, tcp);
            } catch (IOException portTakenForUdp) {
                closeQuietly(tcp);
            }
        }
        throw new IllegalStateException("no free loopback port for both UDP and TCP");
    }

    int port() {
        return tcp.getLocalPort();
    }

    int tcpQueries() {
        return tcpQueries.get();
    }

    /** Forgets every record and failure and answers again. */
    DnsStub reset() {
        zone.clear();
        failing.clear();
        silent = false;
        return this;
    }

    /** One TXT record made of these strings (each at most 255 bytes). */
    DnsStub txt(String name, String... strings) {
        add(new TXTRecord(name(name), DClass.IN, 300, List.of(strings)));
        return this;
    }

    DnsStub mx(String name, int preference, String host) {
        add(new MXRecord(name(name), DClass.IN, 300, preference, name(host)));
        return this;
    }

    DnsStub servfail(String name) {
        failing.add(name(name));
        return this;
    }

    /** Reads questions and never answers, like a resolver behind a dead link. */
    DnsStub silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    private void add(Record r) {
        zone.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        Name name = question.getName();
        if (failing.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (!zone.containsKey(name)) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            zone.get(name).stream().filter(r -> r.getType() == question.getType())
                    .forEach(r -> response.addRecord(r, Section.ANSWER));
        }
        return response;
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                udp.receive(in);
                if (silent) {
                    continue;
                }
                Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                // without EDNS a UDP answer holds 512 bytes; toWire(max) cuts it and sets TC
                int max = query.getOPT() == null ? 512 : Math.min(query.getOPT().getPayloadSize(), 1232);
                byte[] out = answer(query).toWire(max);
                udp.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                Thread.ofVirtual().start(() -> serveTcp(s));
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket; var in = new DataInputStream(socket.getInputStream()); var out = new DataOutputStream(socket.getOutputStream())) {
            byte[] wire = new byte[in.readUnsignedShort()];
            in.readFully(wire);
            tcpQueries.incrementAndGet();
            if (silent) {
                in.read();
                return;
            }
            byte[] answer = answer(new Message(wire)).toWire();
            out.writeShort(answer.length);
            out.write(answer);
            out.flush();
        } catch (IOException ignored) {
            // the asker went away
        }
    }

    @Override
    public void close() {
        udp.close();
        closeQuietly(tcp);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    /** Points {@code tidings.mail.dns-resolver} at {@link #shared()}. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("tidings.mail.dns-resolver=127.0.0.1:" + shared().port()).applyTo(context);
        }
    }
}
