package io.fleetflow.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedCellsWithCommasQuotesAndLineBreaksNumberingRowsAsASpreadsheet()
            throws Exception {
        List<CsvTable.Row> rows =
                CsvTable.parse(
                        "\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",\n last ,z",
                        10);

        assertThat(rows)
                .containsExactly(
                        new CsvTable.Row(1, List.of("a", "b")),
                        new CsvTable.Row(2, List.of("x, y", "say \"hi\"")),
                        new CsvTable.Row(4, List.of("two\nlines", "")),
                        new CsvTable.Row(6, List.of(" last ", "z")));
    }

    @Test
    void anUnclosedOrStrayQuoteIsMalformedAtTheRowItStarts() {
        assertThatThrownBy(() -> CsvTable.parse("a\n\"open,b\nc", 10))
                .isInstanceOfSatisfying(
                        CsvTable.MalformedCsvException.class,
                        e -> assertThat(e.row()).isEqualTo(2));
        assertThatThrownBy(() -> CsvTable.parse("a\nb\"c\n", 10))
                .isInstanceOfSatisfying(
                        CsvTable.MalformedCsvException.class,
                        e -> assertThat(e.row()).isEqualTo(2));
        assertThatThrownBy(() -> CsvTable.parse("\"a\"b\n", 10))
                .isInstanceOf(CsvTable.MalformedCsvException.class);
    }

    @Test
    void stopsAtTheRowLimit() throws Exception {
        assertThat(CsvTable.parse("a\nb\nc\n", 3)).hasSize(3);
        assertThatThrownBy(() -> CsvTable.parse("a\nb\nc\nd\n", 3))
                .isInstanceOf(CsvTable.TooManyRowsException.class);
    }
}
