package io.fleetflow.job.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * A savepoint taken before crashes entered the statistics still restores: the driver's window as
 * commit cab2899 wrote it (its serializer snapshot and one value, three trips; resource {@code
 * state/driver-window-cab2899.bin}, written by that commit's code) is read by today's serializer
 * through Flink's POJO schema evolution, with the new fields at zero.
 */
class DriverStateEvolutionTest {

    @Test
    void aWindowWrittenBeforeCrashCountsRestoresWithZeroCrashes() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/state/driver-window-cab2899.bin")) {
            bytes = in.readAllBytes();
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        TypeSerializerSnapshot<DriverWindow> written =
                TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader());
        TypeSerializer<DriverWindow> today =
                TypeInformation.of(DriverWindow.class)
                        .createSerializer(new ExecutionConfig().getSerializerConfig());

        TypeSerializerSchemaCompatibility<DriverWindow> compatibility =
                today.snapshotConfiguration().resolveSchemaCompatibility(written);
        assertThat(compatibility.isIncompatible()).isFalse();
        assertThat(compatibility.isCompatibleAfterMigration()).isTrue();

        // What the state backend does on restore: read with the old schema, write with the new.
        DriverWindow restored = written.restoreSerializer().deserialize(in);
        DataOutputSerializer out = new DataOutputSerializer(4096);
        today.serialize(restored, out);
        DriverWindow migrated = today.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        WindowSums sums = migrated.sums();
        assertThat(sums.trips).isEqualTo(3);
        assertThat(sums.harshBrakingCount).isEqualTo(0 + 1 + 2);
        assertThat(sums.speedingCount).isEqualTo(9);
        assertThat(sums.distanceKm).isCloseTo(10.5 + 11.5 + 12.5, within(1e-9));
        assertThat(sums.crashCount).isZero();

        // and the next trip, with a crash, counts on top of the restored ones
        TripContribution next = new TripContribution();
        next.startedAtMs = migrated.latestStartMs + 60_000;
        next.distanceKm = 5;
        next.safetyScore = 40;
        next.crashCount = 1;
        DriverWindow after = DriverWindow.with(migrated, "trip-3", next, 30);
        assertThat(after.sums().trips).isEqualTo(4);
        assertThat(after.sums().crashCount).isEqualTo(1);
    }
}
