package io.fleetflow.gateway.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets write it, with no I/O: comma-separated, fields optionally in double
 * quotes (a quote inside doubled, commas and line breaks allowed inside), CRLF or LF line ends, a
 * UTF-8 byte order mark ignored. Records are numbered from 1 (the header), as a spreadsheet numbers
 * its rows; empty lines are skipped but keep their number.
 */
public final class CsvTable {

    /** One record: its row number (the header is row 1) and its cells. */
    public record Row(int number, List<String> cells) {}

    /** The text is not well-formed CSV; {@code row} is where the bad record starts. */
    public static final class MalformedCsvException extends Exception {
        private final int row;

        MalformedCsvException(int row, String message) {
            super(message, null, false, false);
            this.row = row;
        }

        public int row() {
            return row;
        }
    }

    /** The text had more than {@code maxRows} records. */
    public static final class TooManyRowsException extends Exception {
        TooManyRowsException(int maxRows) {
            super("more than " + maxRows + " rows", null, false, false);
        }
    }

    private CsvTable() {}

    public static List<Row> parse(String text, int maxRows)
            throws MalformedCsvException, TooManyRowsException {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        int row = 1;
        while (i < n) {
            int start = row;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            row++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"') {
                    if (wasQuoted || cell.length() > 0) {
                        throw new MalformedCsvException(
                                start, "a quote may only open a field or be doubled inside one");
                    }
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    endOfRecord = true;
                } else if (wasQuoted) {
                    throw new MalformedCsvException(
                            start, "nothing but a comma or a line end may follow a closing quote");
                } else {
                    cell.append(c);
                }
            }
            if (quoted) {
                throw new MalformedCsvException(start, "a quoted field is never closed");
            }
            cells.add(cell.toString());
            boolean empty = cells.size() == 1 && cells.get(0).isEmpty() && !wasQuoted;
            if (!empty) {
                if (rows.size() >= maxRows) {
                    throw new TooManyRowsException(maxRows);
                }
                rows.add(new Row(start, List.copyOf(cells)));
            }
            row++;
        }
        return rows;
    }
}
