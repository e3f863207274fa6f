package io.fleetflow.gateway.registry;

import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.registry.VehicleClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A registry CSV file read into registrations, with no I/O. The header names the columns, in any
 * order: the id column and {@code name} are required (and {@code vehicle_class} for vehicles),
 * {@code active} and {@code external_ref} may be left out. Every bad cell is reported, as {@code
 * /rows/<row>/<column>} (row numbers as a spreadsheet shows them: the header is row 1), and an id
 * that appears twice is an error on its second row.
 */
public final class RegistryCsv {

    /** Most data rows in one file. */
    public static final int MAX_ROWS = 10_000;

    /** Most errors listed in one answer; the total is always counted. */
    public static final int MAX_LISTED_ERRORS = 200;

    /** One valid data row. */
    public record Line<T>(int row, UUID id, T input) {}

    /**
     * The valid rows, or (when {@code errors} is not empty) why the file cannot be imported: the
     * first {@link #MAX_LISTED_ERRORS} errors, of {@code totalErrors}.
     */
    public record Parsed<T>(List<Line<T>> lines, List<FieldError> errors, int totalErrors) {
        Parsed(List<Line<T>> lines, List<FieldError> errors) {
            this(
                    lines,
                    List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS))),
                    errors.size());
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** The columns of one kind of file. */
    private record Layout(String idColumn, Set<String> required, Set<String> optional) {
        boolean knows(String column) {
            return column.equals(idColumn)
                    || required.contains(column)
                    || optional.contains(column);
        }
    }

    private static final Layout VEHICLES =
            new Layout("vehicle_id", Set.of("name", "vehicle_class"), Set.of("active"));
    private static final Layout DRIVERS =
            new Layout("driver_id", Set.of("name"), Set.of("external_ref", "active"));

    @FunctionalInterface
    private interface RowReader<T> {
        /** The input of one row, adding an error per bad cell (then the result is ignored). */
        T read(Map<String, String> cells, int row, List<FieldError> errors);
    }

    private RegistryCsv() {}

    public static Parsed<VehicleInput> vehicles(String text) {
        return parse(text, VEHICLES, RegistryCsv::vehicle);
    }

    public static Parsed<DriverInput> drivers(String text) {
        return parse(text, DRIVERS, RegistryCsv::driver);
    }

    private static VehicleInput vehicle(
            Map<String, String> cells, int row, List<FieldError> errors) {
        String name = cells.get("name");
        String cls = cells.get("vehicle_class");
        Boolean active = RegistryRules.parseActive(cells.get("active"));
        cell(errors, row, "name", RegistryRules.nameProblem(name));
        cell(errors, row, "vehicle_class", RegistryRules.classProblem(cls));
        if (active == null) {
            cell(errors, row, "active", "must be true or false (empty means true)");
        }
        return new VehicleInput(
                name == null ? null : name.strip(),
                cls == null ? null : VehicleClass.fromWireName(cls.strip()).orElse(null),
                active == null || active);
    }

    private static DriverInput driver(Map<String, String> cells, int row, List<FieldError> errors) {
        String name = cells.get("name");
        String ref = cells.get("external_ref");
        ref = ref == null || ref.strip().isEmpty() ? null : ref.strip();
        Boolean active = RegistryRules.parseActive(cells.get("active"));
        cell(errors, row, "name", RegistryRules.nameProblem(name));
        cell(errors, row, "external_ref", RegistryRules.externalRefProblem(ref));
        if (active == null) {
            cell(errors, row, "active", "must be true or false (empty means true)");
        }
        return new DriverInput(name == null ? null : name.strip(), ref, active == null || active);
    }

    private static <T> Parsed<T> parse(String text, Layout layout, RowReader<T> reader) {
        List<FieldError> errors = new ArrayList<>();
        List<CsvTable.Row> rows;
        try {
            rows = CsvTable.parse(text, MAX_ROWS + 1);
        } catch (CsvTable.MalformedCsvException e) {
            return failed(new FieldError("/rows/" + e.row(), e.getMessage()));
        } catch (CsvTable.TooManyRowsException e) {
            return failed(new FieldError("", "a file may hold at most " + MAX_ROWS + " rows"));
        }
        if (rows.isEmpty()) {
            return failed(new FieldError("/rows/1", "the file is empty: a header row is needed"));
        }
        List<String> header = new ArrayList<>();
        for (String column : rows.get(0).cells()) {
            header.add(column.strip().toLowerCase(Locale.ROOT));
        }
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            if (!layout.knows(column)) {
                errors.add(new FieldError("/rows/1/" + column, "unknown column"));
            } else if (header.indexOf(column) != c) {
                errors.add(new FieldError("/rows/1/" + column, "column appears twice"));
            }
        }
        for (String column : required(layout)) {
            if (!header.contains(column)) {
                errors.add(new FieldError("/rows/1/" + column, "missing column"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed<>(List.of(), errors);
        }
        List<Line<T>> lines = new ArrayList<>();
        Map<UUID, Integer> firstRow = new HashMap<>();
        for (CsvTable.Row r : rows.subList(1, rows.size())) {
            if (r.cells().size() != header.size()) {
                errors.add(
                        new FieldError(
                                "/rows/" + r.number(),
                                "has "
                                        + r.cells().size()
                                        + " cells; the header has "
                                        + header.size()));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), r.cells().get(c));
            }
            int before = errors.size();
            UUID id = RegistryRules.uuid(cells.get(layout.idColumn()));
            if (id == null) {
                cell(errors, r.number(), layout.idColumn(), "must be a UUID");
            } else if (firstRow.containsKey(id)) {
                cell(
                        errors,
                        r.number(),
                        layout.idColumn(),
                        "appears again: first on row " + firstRow.get(id));
            } else {
                firstRow.put(id, r.number());
            }
            T input = reader.read(cells, r.number(), errors);
            if (errors.size() == before) {
                lines.add(new Line<>(r.number(), id, input));
            }
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.add(new FieldError("/rows/2", "the file has a header but no rows"));
        }
        return errors.isEmpty() ? new Parsed<>(lines, List.of()) : new Parsed<>(List.of(), errors);
    }

    private static List<String> required(Layout layout) {
        List<String> columns = new ArrayList<>();
        columns.add(layout.idColumn());
        columns.addAll(layout.required().stream().sorted().toList());
        return columns;
    }

    private static void cell(List<FieldError> errors, int row, String column, String problem) {
        if (problem != null) {
            errors.add(new FieldError("/rows/" + row + "/" + column, problem));
        }
    }

    private static <T> Parsed<T> failed(FieldError error) {
        return new Parsed<>(List.of(), List.of(error));
    }
}
