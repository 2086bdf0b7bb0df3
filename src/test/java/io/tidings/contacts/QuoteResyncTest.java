package io.tidings.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteResyncTest {

    private static List<List<String>> parse(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new QuoteResync(new StringReader(csv), ','))) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        return rows;
    }

    @Test
    void aQuoteThatNeverClosesCostsOnlyItsOwnLine() throws IOException {
        String csv = "name,email\n\"Broken,a@example.com\nGood,b@example.com\n\"Quoted\",c@example.com\n";
        assertThat(parse(csv)).containsExactly(
                List.of("name", "email"),
                List.of(QuoteResync.BROKEN_LINE),
                List.of("Good", "b@example.com"),
                List.of("Quoted", "c@example.com"));
    }

    @Test
    void aQuotedFieldMaySpanLines() throws IOException {
        String csv = "name,address\r\nAnna,\"Main St 1\r\nBerlin\"\r\nBen,x\r\n";
        assertThat(parse(csv)).containsExactly(
                List.of("name", "address"),
                List.of("Anna", "Main St 1\r\nBerlin"),
                List.of("Ben", "x"));
    }

    @Test
    void aQuoteInsideUnquotedDataIsJustACharacter() throws IOException {
        assertThat(parse("a,b\n5'11\" tall,x\n")).containsExactly(List.of("a", "b"), List.of("5'11\" tall", "x"));
    }

    @Test
    void escapedQuotesKeepAFieldClosed() throws IOException {
        assertThat(parse("a,b\n\"say \"\"hi\"\"\",x\ny,z\n"))
                .containsExactly(List.of("a", "b"), List.of("say \"hi\"", "x"), List.of("y", "z"));
    }

    @Test
    void anUnclosedQuoteOnTheLastLineIsDroppedAlone() throws IOException {
        assertThat(parse("a,b\nx,y\n\"z,w")).containsExactly(List.of("a", "b"), List.of("x", "y"),
                List.of(QuoteResync.BROKEN_LINE));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        assertThat(parse("\uFEFFemail\nx@example.com\n").getFirst()).containsExactly("email");
    }

    @Test
    void aLongFileIsPassedThroughUnchanged() throws IOException {
        StringBuilder csv = new StringBuilder("n,v\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"value ").append(i).append("\"\n");
        }
        List<List<String>> rows = parse(csv.toString());
        assertThat(rows).hasSize(50_001);
        assertThat(rows.getLast()).containsExactly("49999", "value 49999");
    }
}
