package io.fleetflow.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.registry.VehicleClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryRulesTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<String> vehicleErrors(String body) throws Exception {
        return RegistryRules.vehicle(json.readTree(body)).errors().stream()
                .map(FieldError::pointer)
                .toList();
    }

    @Test
    void aValidVehicleIsTrimmedAndActiveUnlessSaidOtherwise() throws Exception {
        assertThat(
                        RegistryRules.vehicle(
                                        json.readTree(
                                                "{\"name\":\" Bus 3 \",\"vehicle_class\":\"bus\"}"))
                                .value())
                .isEqualTo(new VehicleInput("Bus 3", VehicleClass.BUS, true));
        assertThat(
                        RegistryRules.driver(
                                        json.readTree(
                                                "{\"name\":\"Ada\",\"external_ref\":null,"
                                                        + "\"active\":false}"))
                                .value())
                .isEqualTo(new DriverInput("Ada", null, false));
    }

    @Test
    void eachFieldHasItsOwnError() throws Exception {
        assertThat(vehicleErrors("{}")).containsExactly("/name", "/vehicle_class");
        assertThat(vehicleErrors("{\"name\":null,\"vehicle_class\":\"CAR\"}"))
                .containsExactly("/name", "/vehicle_class");
        assertThat(
                        vehicleErrors(
                                "{\"name\":\"" + "é".repeat(200) + "\",\"vehicle_class\":\"car\"}"))
                .isEmpty();
        assertThat(
                        vehicleErrors(
                                "{\"name\":\"" + "é".repeat(201) + "\",\"vehicle_class\":\"car\"}"))
                .containsExactly("/name");
        assertThat(vehicleErrors("{\"name\":\"a\",\"vehicle_class\":\"car\",\"a/b\":1}"))
                .containsExactly("/a~1b");
        assertThat(vehicleErrors("\"car\"")).containsExactly("");
    }

    @Test
    void onlyCanonicalUuidsAreIds() {
        assertThat(RegistryRules.uuid(" 3F2B8C1E-8D4A-4C1E-9A57-2B1C0D9E7F10 ")).isNotNull();
        assertThat(RegistryRules.uuid("1-2-3-4-5")).isNull();
        assertThat(RegistryRules.uuid("3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f1g")).isNull();
        assertThat(RegistryRules.uuid(null)).isNull();
    }

    @Test
    void theClassNamesAreTheContractsWireNames() {
        assertThat(VehicleClass.wireNames()).containsExactly("car", "van", "heavy_truck", "bus");
        assertThat(VehicleClass.DEFAULT).isEqualTo(VehicleClass.CAR);
        assertThat(RegistryRules.classProblem("heavy_truck")).isNull();
        assertThat(RegistryRules.classProblem("truck"))
                .isEqualTo("must be one of [car, van, heavy_truck, bus]");
    }
}
