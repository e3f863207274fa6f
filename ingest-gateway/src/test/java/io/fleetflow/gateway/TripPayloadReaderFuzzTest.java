package io.fleetflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.ReadResult;
import io.fleetflow.model.TripPayloadReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The validator on randomly damaged bodies: it answers a result (valid, or errors with pointers) or
 * an I/O error the gateway maps to 400, and never throws anything else.
 */
class TripPayloadReaderFuzzTest {

    private final TripPayloadReader reader = new TripPayloadReader();

    @Property(tries = 3000)
    void damagedBodiesNeverCrashTheReader(@ForAll("bodies") byte[] body) {
        ReadResult result;
        try {
            result = reader.read(new ByteArrayInputStream(body));
        } catch (IOException e) {
            return; // answered 400 "unreadable body" by the gateway
        }
        if (!result.isValid()) {
            assertThat(result.errors()).isNotEmpty();
            assertThat(result.errors()).allSatisfy(e -> assertThat(e.pointer()).isNotNull());
        } else {
            assertThat(result.payload().samples().size()).isPositive();
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Mutations.mutatedBodies();
    }
}
