package io.fleetflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldTableTest {

    @Test
    void everyFieldIsFoundByItsNameAsTextAndAsBytesInsideABody() {
        for (TripField field : TripField.values()) {
            assertEquals(field, TripField.byName(field.jsonName()));
            byte[] body = ("{\"" + field.jsonName() + "\":1}").getBytes(StandardCharsets.US_ASCII);
            assertEquals(field, TripField.byName(body, 2, 2 + field.jsonName().length()));
        }
        for (SampleField field : SampleField.values()) {
            assertEquals(field, SampleField.byName(field.jsonName()));
            byte[] body = ("{\"" + field.jsonName() + "\":1}").getBytes(StandardCharsets.US_ASCII);
            assertEquals(field, SampleField.byName(body, 2, 2 + field.jsonName().length()));
        }
    }

    @Test
    void unknownNamesAndPrefixesAreNotFields() {
        byte[] body = "speed_kmhx".getBytes(StandardCharsets.US_ASCII);
        assertNull(SampleField.byName(body, 0, body.length));
        assertNull(SampleField.byName(body, 0, 5)); // "speed"
        assertNull(SampleField.byName("Speed_kmh"));
        assertNull(TripField.byName(""));
    }

    @Test
    void requiredBitsAreTheBitsOfTheRequiredFields() {
        assertEquals(
                SampleField.SPEED.bit() | SampleField.G_LONG.bit() | SampleField.G_LAT.bit(),
                SampleField.REQUIRED_BITS);
        assertEquals(
                TripField.VEHICLE_ID.bit()
                        | TripField.DRIVER_ID.bit()
                        | TripField.TIMESTAMP.bit()
                        | TripField.DATA.bit(),
                TripField.REQUIRED_BITS);
    }
}
