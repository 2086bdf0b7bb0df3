package io.tidings.mail;

/**
 * Jakarta Mail 2.1 asks for its {@code StreamProvider} on every header block it parses and every body it encodes,
 * and without the system property that is a ServiceLoader scan of the class path each time (a quarter of the MX's
 * CPU per mail, a good part of a signed message's). Naming Angus Mail's provider, the one the scan would find,
 * makes it a class lookup. It is process-wide, so it is set once, before the first use of Jakarta Mail, and left
 * alone when an operator set it.
 */
final class MailStreams {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private MailStreams() {
    }

    /** Called from the static initialiser of every class that makes a Jakarta Mail session; the work runs once. */
    static void install() {
        // the static initialiser above does it, the first time this class is touched
    }
}
