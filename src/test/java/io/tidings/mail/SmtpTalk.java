package io.tidings.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain SMTP client over a raw socket, so tests see every reply code the MX gives. */
final class SmtpTalk implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final String greeting;

    SmtpTalk(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        greeting = reply();
    }

    /** Sends one command line; returns the whole (possibly multi-line) reply. */
    String send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** DATA with the message (dot-stuffed here), returns the reply after the final dot. */
    String data(byte[] message) throws IOException {
        String go = send("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        StringBuilder stuffed = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            stuffed.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        out.write(stuffed.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(".\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** A whole transaction; returns the reply to the final dot (or the first refusal). */
    static String deliver(int port, String from, String to, String message) throws IOException {
        try (SmtpTalk s = new SmtpTalk(port)) {
            s.send("EHLO test.example");
            String mail = s.send("MAIL FROM:<" + from + ">");
            if (!mail.startsWith("250")) {
                return mail;
            }
            String rcpt = s.send("RCPT TO:<" + to + ">");
            if (!rcpt.startsWith("250")) {
                return rcpt;
            }
            String done = s.data(message.getBytes(StandardCharsets.UTF_8));
            s.send("QUIT");
            return done;
        }
    }

    private String reply() throws IOException {
        StringBuilder b = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed; so far: " + b);
            }
            b.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return b.toString().strip();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
