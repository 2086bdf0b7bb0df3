package io.tidings.contacts;

/**
 * OWASP's advice against CSV injection: a cell a spreadsheet would read as a formula gets a leading
 * single quote, which spreadsheets show as text. That includes E.164 phones (+...): harmless to
 * read back, since the import's phone parser skips the quote.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
