package io.tidings.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.StringArrayHandler;
import io.tidings.shared.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Opens a spooled CSV file for the import: UTF-8 whose bad bytes become U+FFFD (so the row can be
 * rejected rather than the file), {@link QuoteResync} against runaway quotes, then FastCSV with
 * relaxed settings. The separator (comma, semicolon or tab) is taken from the header line.
 */
final class CsvSource {

    private static final int MAX_FIELDS = 1000;
    private static final int MAX_FIELD_CHARS = 1 << 20;

    private CsvSource() {
    }

    static CsvReader<String[]> open(Path file, char separator) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        Reader reader = new QuoteResync(new InputStreamReader(Files.newInputStream(file), utf8), separator);
        return CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .allowUnclosedQuote(true)
                .build(StringArrayHandler.builder().maxFields(MAX_FIELDS).maxFieldSize(MAX_FIELD_CHARS)
                        .maxRecordSize(4 * MAX_FIELD_CHARS).build(), reader);
    }

    /** The first non-empty record. */
    static List<String> header(Iterator<String[]> records) {
        if (!records.hasNext()) {
            throw new InvalidInputException("file", "the file is empty: it needs a header line and rows");
        }
        return List.of(records.next());
    }

    /** The most frequent of , ; and tab outside quotes on the first line; a comma when there is none. */
    static char separator(Path file) throws IOException {
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8);
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                comma++;
            } else if (!quoted && c == ';') {
                semicolon++;
            } else if (!quoted && c == '\t') {
                tab++;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }
}
