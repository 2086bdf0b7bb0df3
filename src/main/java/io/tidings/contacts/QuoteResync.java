package io.tidings.contacts;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Sits between the file and FastCSV and keeps one broken line from swallowing the rest of the file.
 *
 * <p>A CSV parser cannot know where a record ends once a quote opens and never closes: it reads on
 * into the following lines, and from there every quote pairs with the wrong partner. So before
 * FastCSV sees a line, this reader checks whether the line leaves a quoted field open (the same
 * rules as FastCSV's relaxed parser: a quote opens a field only at its start, {@code ""} inside
 * quotes is a quote). An open quote may be a legitimate multi-line field, so up to
 * {@link #MAX_CONTINUATION_LINES} following lines are given the chance to close it, in a record
 * with as many fields as the header. If none does, the first line alone is broken: it is replaced by a {@link #BROKEN_LINE} marker line (which the
 * import reports as a rejected row), and the lines after it are read again as fresh records.
 * Nothing else is parsed here; splitting and unescaping fields stays FastCSV's job.
 */
final class QuoteResync extends Reader {

    static final int MAX_CONTINUATION_LINES = 100;
    static final int MAX_RECORD_CHARS = 1 << 20;
    /** A one-field line no CSV writer produces: NUL and SOH. */
    static final String BROKEN_LINE = "\u0000\u0001";
    private static final int FILL_CHARS = 1 << 15;

    private final Reader in;
    private final char separator;
    private final char[] readBuf = new char[1 << 16];
    private int readPos;
    private int readLen;
    private boolean eof;

    private final StringBuilder out = new StringBuilder(1 << 17);
    private int outPos;

    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private final Scan scan = new Scan();
    private int pendingChars;
    private int expectedFields = -1;
    private boolean bomChecked;

    QuoteResync(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        while (outPos >= out.length()) {
            out.setLength(0);
            outPos = 0;
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.length() - outPos);
        out.getChars(outPos, outPos + n, cbuf, off);
        outPos += n;
        return n;
    }

    /** Moves lines into {@code out} until it holds a good read's worth; false at the end of input. */
    private boolean fill() throws IOException {
        while (out.length() < FILL_CHARS) {
            String line = nextPhysicalLine();
            if (line != null) {
                offer(line);
            } else if (!pending.isEmpty()) {
                dropFirstPendingLine();
            } else {
                break;
            }
        }
        return !out.isEmpty();
    }

    private void offer(String line) {
        if (pending.isEmpty()) {
            scan.start();
            scan.line(line);
            if (!scan.inQuotes) {
                complete(scan.fields);
                out.append(line);
                return;
            }
            pendingChars = 0;
        } else {
            scan.line(line);
            if (!scan.inQuotes) {
                if (expectedFields < 0 || scan.fields == expectedFields) {
                    complete(scan.fields);
                    for (String l : pending) {
                        out.append(l);
                    }
                    out.append(line);
                    pending.clear();
                    return;
                }
                // The quote closed, but on a line that was meant to start a record of its own: the
                // joined lines do not have the header's shape, so the first line was the broken one.
                pending.add(line);
                dropFirstPendingLine();
                return;
            }
        }
        pending.add(line);
        pendingChars += line.length();
        if (pending.size() > MAX_CONTINUATION_LINES || pendingChars > MAX_RECORD_CHARS) {
            dropFirstPendingLine();
        }
    }

    private void complete(int fields) {
        if (expectedFields < 0) {
            expectedFields = fields;
        }
    }

    /** The first pending line opened a quote nothing closed: drop it, read the others afresh. */
    private void dropFirstPendingLine() {
        pending.removeFirst();
        out.append(BROKEN_LINE).append('\n');
        List<String> rest = new ArrayList<>(pending);
        pending.clear();
        for (String line : rest) {
            offer(line);
        }
    }

    /**
     * Follows FastCSV's relaxed rules across the lines of one record: a quote opens a field only
     * before any unquoted data; inside, a quote closes it ({@code ""} closes and reopens); characters
     * after a closing quote are kept but do not make the field unquoted data, so a later quote
     * reopens it. Counts the record's fields on the way.
     */
    private final class Scan {
        boolean inQuotes;
        boolean quotedField;
        boolean dataField;
        int fields;

        void start() {
            inQuotes = quotedField = dataField = false;
            fields = 1;
        }

        void line(String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        inQuotes = false;
                    }
                } else if (c == separator) {
                    fields++;
                    dataField = quotedField = false;
                } else if (c == '\n' || c == '\r') {
                    dataField = quotedField = false;
                } else if (c == '"') {
                    if (!dataField) {
                        inQuotes = quotedField = true;
                    }
                } else if (!quotedField) {
                    dataField = true;
                }
            }
        }
    }

    /** One line with its terminator (\n, \r\n or \r), or null at the end of input. */
    private String nextPhysicalLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (readPos >= readLen) {
                if (eof || !refill()) {
                    return line == null || line.isEmpty() ? null : line.toString();
                }
            }
            int start = readPos;
            while (readPos < readLen) {
                char c = readBuf[readPos++];
                if (c == '\n') {
                    return concat(line, start);
                }
                if (c == '\r') {
                    if (readPos >= readLen && !eof) {
                        // \r at the end of the buffer: keep it and look at the next char first
                        line = append(line, start, readPos);
                        if (!refill()) {
                            return line.toString();
                        }
                        if (readBuf[readPos] == '\n') {
                            readPos++;
                            line.append('\n');
                        }
                        return line.toString();
                    }
                    if (readPos < readLen && readBuf[readPos] == '\n') {
                        readPos++;
                    }
                    return concat(line, start);
                }
            }
            line = append(line, start, readPos);
        }
    }

    private String concat(StringBuilder line, int start) {
        if (line == null) {
            return new String(readBuf, start, readPos - start);
        }
        line.append(readBuf, start, readPos - start);
        return line.toString();
    }

    private StringBuilder append(StringBuilder line, int from, int to) {
        StringBuilder b = line == null ? new StringBuilder(256) : line;
        b.append(readBuf, from, to - from);
        return b;
    }

    private boolean refill() throws IOException {
        int n;
        do {
            n = in.read(readBuf, 0, readBuf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            readPos = readLen = 0;
            return false;
        }
        readPos = 0;
        readLen = n;
        if (!bomChecked) {
            bomChecked = true;
            if (readBuf[0] == '\uFEFF') {
                readPos = 1;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
