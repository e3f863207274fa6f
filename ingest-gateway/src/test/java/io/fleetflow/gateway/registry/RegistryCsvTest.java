package io.fleetflow.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.registry.VehicleClass;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistryCsvTest {

    private static final UUID A = UUID.fromString("3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10");
    private static final UUID B = UUID.fromString("7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    private static List<String> pointers(RegistryCsv.Parsed<?> parsed) {
        return parsed.errors().stream().map(FieldError::pointer).toList();
    }

    @Test
    void readsVehiclesInAnyColumnOrderWithActiveDefaultingToTrue() {
        RegistryCsv.Parsed<VehicleInput> parsed =
                RegistryCsv.vehicles(
                        "Name,vehicle_class,VEHICLE_ID\n Van 1 ,van,"
                                + A
                                + "\nBus,bus,"
                                + B
                                + "\n");

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.lines())
                .containsExactly(
                        new RegistryCsv.Line<>(
                                2, A, new VehicleInput("Van 1", VehicleClass.VAN, true)),
                        new RegistryCsv.Line<>(
                                3, B, new VehicleInput("Bus", VehicleClass.BUS, true)));
    }

    @Test
    void namesEveryBadCellByRowAndColumnAndKeepsNoRow() {
        RegistryCsv.Parsed<VehicleInput> parsed =
                RegistryCsv.vehicles(
                        "vehicle_id,name,vehicle_class,active\n"
                                + A
                                + ",Van,van,true\n"
                                + "x,"
                                + " ,Van,maybe\n"
                                + A
                                + ",Again,car,false\n"
                                + B
                                + ",Short\n");

        assertThat(parsed.lines()).isEmpty();
        assertThat(pointers(parsed))
                .containsExactly(
                        "/rows/3/vehicle_id",
                        "/rows/3/name",
                        "/rows/3/vehicle_class",
                        "/rows/3/active",
                        "/rows/4/vehicle_id",
                        "/rows/5");
        assertThat(parsed.errors().get(4).message()).isEqualTo("appears again: first on row 2");
    }

    @Test
    void theHeaderMustNameTheRequiredColumnsOnceAndNoOthers() {
        assertThat(pointers(RegistryCsv.vehicles("vehicle_id,name,colour,name\n")))
                .containsExactly("/rows/1/colour", "/rows/1/name", "/rows/1/vehicle_class");
        assertThat(pointers(RegistryCsv.drivers(""))).containsExactly("/rows/1");
        assertThat(pointers(RegistryCsv.drivers("driver_id,name\n"))).containsExactly("/rows/2");
        assertThat(pointers(RegistryCsv.drivers("driver_id,name\n\"open," + A)))
                .containsExactly("/rows/2");
    }

    @Test
    void listsAtMostTheFirstErrorsAndCountsThemAll() {
        StringBuilder csv = new StringBuilder("vehicle_id,name,vehicle_class\n");
        for (int i = 0; i < 300; i++) {
            csv.append("x,,tank\n");
        }

        RegistryCsv.Parsed<VehicleInput> parsed = RegistryCsv.vehicles(csv.toString());

        assertThat(parsed.totalErrors()).isEqualTo(900);
        assertThat(parsed.errors()).hasSize(RegistryCsv.MAX_LISTED_ERRORS);
        assertThat(parsed.errors().get(0).pointer()).isEqualTo("/rows/2/vehicle_id");
    }

    @Test
    void driversTakeAnOptionalExternalReferenceAndActiveFlag() {
        RegistryCsv.Parsed<DriverInput> parsed =
                RegistryCsv.drivers(
                        "driver_id,name,external_ref,active\n"
                                + A
                                + ",Ada,,FALSE\n"
                                + B
                                + ",Grace,"
                                + "r".repeat(101)
                                + ",\n");

        assertThat(pointers(parsed)).containsExactly("/rows/3/external_ref");
        RegistryCsv.Parsed<DriverInput> ok =
                RegistryCsv.drivers("driver_id,name,external_ref,active\n" + A + ",Ada,,FALSE\n");
        assertThat(ok.lines().get(0).input()).isEqualTo(new DriverInput("Ada", null, false));
    }
}
