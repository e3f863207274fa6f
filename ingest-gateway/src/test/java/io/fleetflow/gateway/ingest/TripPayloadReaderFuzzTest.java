package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
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
    void damagedBodiesNeverCrashTheReader(@ForAll("bodies") byte[] body) throws IOException {
        ReadResult result;
        try {
            result = reader.read(new ByteArrayInputStream(body));
        } catch (IOException e) {
            // Answered 400 "unreadable body" by the gateway; from memory it must fail alike.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(body))
                    .isInstanceOf(IOException.class);
            return;
        }
        assertThat(reader.read(body)).isEqualTo(result); // the in-memory path agrees
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
