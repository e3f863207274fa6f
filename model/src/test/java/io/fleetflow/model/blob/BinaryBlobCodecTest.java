package io.fleetflow.model.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.TripSamples;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Format 2 reads back bit for bit what format 1 reads back, for device data and edge cases. */
class BinaryBlobCodecTest {

    @Test
    void deviceLikeTripsReadBackAsFormatOneReadsThem() {
        Random random = new Random(21);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(round < 150 ? 500 : 5000);
            int speedScale = random.nextInt(4);
            int gScale = 1 + random.nextInt(5);
            TripSamples samples =
                    new TripSamples(
                            time(random, n),
                            random.nextBoolean() ? null : 1.0 + random.nextInt(100),
                            walk(random, n, 1.0, 0, 250, speedScale),
                            noise(random, n, 0.08, gScale),
                            noise(random, n, 0.05, gScale),
                            random.nextBoolean() ? null : noise(random, n, 0.2, gScale));

            assertSameAsFormatOne(samples);
        }
    }

    @Test
    void simulatorTripsReadBackAndTakeUnderFiveBytesASample() {
        Random random = new Random(3600);
        TripSamples samples =
                new TripSamples(
                        null,
                        10.0,
                        walk(random, 3600, 1.0, 0, 130, 2),
                        noise(random, 3600, 0.08, 4),
                        noise(random, 3600, 0.05, 4));

        byte[] blob = assertSameAsFormatOne(samples);

        // The simulator's g at 0.0001 g is ~12 bits of noise a value: the entropy is ~3.9 bytes.
        assertThat(blob.length / 3600.0).isBetween(3.0, 5.0);
    }

    @Test
    void aRegularTimeColumnCostsNoBytesPerSample() {
        Random random = new Random(5);
        double[] speed = walk(random, 1000, 1.0, 0, 130, 1);
        double[] g = noise(random, 1000, 0.05, 2);
        long[] regular = new long[1000];
        for (int i = 0; i < regular.length; i++) {
            regular[i] = 7_000 + 40L * i;
        }

        byte[] with = assertSameAsFormatOne(new TripSamples(regular, 25.0, speed, g, g));
        byte[] without = assertSameAsFormatOne(new TripSamples(null, 25.0, speed, g, g));

        assertThat(with.length - without.length).isLessThanOrEqualTo(4);
    }

    @Test
    void valuesAtTheDevicesPrecisionAreStoredAtThatScale() {
        double[] centi = {12.34, 0.01, 99.99, 0};
        ByteSink out = new ByteSink(16);
        DecimalColumn.write(centi, out);
        assertThat(out.toArray()[0]).isEqualTo((byte) 2);

        ByteSink whole = new ByteSink(16);
        DecimalColumn.write(new double[] {1, 2, 400}, whole);
        assertThat(whole.toArray()[0]).isEqualTo((byte) 0);

        ByteSink any = new ByteSink(16);
        DecimalColumn.write(new double[] {Math.PI, Math.E, 1 / 3.0}, any);
        assertThat(any.toArray()[0]).isEqualTo((byte) DecimalColumn.RAW);
    }

    @Test
    void edgeCasesReadBackBitForBit() {
        double[] odd = {
            -0.0, 0.0, 1e-300, -1e300, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 16, -16, 4e15
        };
        double[] mostlyDecimal = new double[200];
        for (int i = 0; i < mostlyDecimal.length; i++) {
            mostlyDecimal[i] = i % 50 == 7 ? -0.0 : i % 50 == 9 ? 1e-300 : (i - 100) / 1000.0;
        }
        long[] irregular = {0, 1, 5, 3_600_000, 3_600_099, Long.MAX_VALUE / 2, Long.MAX_VALUE};
        double[] nan = {Double.NaN, Double.longBitsToDouble(0x7ff0000000000123L), 1.5};

        assertSameAsFormatOne(new TripSamples(null, null, odd, odd, odd, odd));
        assertSameAsFormatOne(
                new TripSamples(
                        null, 10.0, mostlyDecimal, mostlyDecimal, mostlyDecimal, mostlyDecimal));
        assertSameAsFormatOne(
                new TripSamples(
                        irregular,
                        0.001,
                        Arrays.copyOf(odd, 7),
                        Arrays.copyOf(odd, 7),
                        Arrays.copyOf(odd, 7)));
        assertSameAsFormatOne(new TripSamples(new long[] {5}, null, a(1), a(2), a(3)));
        assertSameAsFormatOne(new TripSamples(new long[0], null, a(), a(), a()));
        assertSameAsFormatOne(new TripSamples(null, null, a(-0.0), a(-0.0), a(-0.0)));
        // NaN cannot pass validation and format 1 has no text for it; format 2 keeps its bits.
        TripSamples withNan = new TripSamples(null, null, nan, nan, nan);
        assertBits(TripBlobCodec.decode(TripBlobCodec.encode(withNan)), withNan);
    }

    @Test
    void everyFiniteDoubleReadsBackBitForBit() {
        Random random = new Random(20261204);
        int n = 5_000;
        double[] any = new double[n];
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            double d;
            do {
                d = Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(d));
            any[i] = d;
            scaled[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }

        assertSameAsFormatOne(new TripSamples(null, 10.0, any, scaled, any));
    }

    @Test
    void damagedBlobsAreRejected() {
        Random random = new Random(9);
        byte[] blob =
                TripBlobCodec.encode(
                        new TripSamples(
                                new long[] {0, 3, 9},
                                10.0,
                                a(1.5, 2.5, 3.25),
                                a(0.1, -0.2, Math.PI),
                                a(0, 0, 0),
                                a(0.01, 0.02, 0.03)));
        for (int length = 1; length < blob.length; length++) {
            byte[] prefix = Arrays.copyOf(blob, length);
            assertThatThrownBy(() -> TripBlobCodec.decode(prefix))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(MalformedBlobException.class);
        }
        byte[] longer = Arrays.copyOf(blob, blob.length + 1);
        assertThatThrownBy(() -> TripBlobCodec.decode(longer))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("after its last channel");
        byte[] unknownFlag = blob.clone();
        unknownFlag[1] |= 0x40;
        assertThatThrownBy(() -> TripBlobCodec.decode(unknownFlag))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("flags");
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = blob.clone();
            damaged[1 + random.nextInt(blob.length - 1)] ^= (byte) (1 << random.nextInt(8));
            try {
                TripBlobCodec.decode(damaged);
            } catch (MalformedBlobException expected) {
                // A flipped bit may also decode to other numbers: the blob has no checksum.
            }
        }
    }

    /** Encodes in both formats, checks both read back {@code samples} bit for bit. */
    private static byte[] assertSameAsFormatOne(TripSamples samples) {
        byte[] blob = TripBlobCodec.encode(samples);
        assertThat(blob[0]).isEqualTo((byte) TripBlobCodec.FORMAT);
        TripSamples formatTwo = TripBlobCodec.decode(blob);
        TripSamples formatOne = TripBlobCodec.decode(TripBlobCodec.encodeJson(samples));
        assertBits(formatTwo, formatOne);
        assertBits(formatTwo, samples);
        return blob;
    }

    private static void assertBits(TripSamples actual, TripSamples expected) {
        assertThat(actual.rawTimeMs()).isEqualTo(expected.rawTimeMs());
        assertThat(actual.sampleRateHz()).isEqualTo(expected.sampleRateHz());
        assertThat(bits(actual.speedKmh())).isEqualTo(bits(expected.speedKmh()));
        assertThat(bits(actual.gForceLong())).isEqualTo(bits(expected.gForceLong()));
        assertThat(bits(actual.gForceLat())).isEqualTo(bits(expected.gForceLat()));
        assertThat(bits(actual.gForceVert())).isEqualTo(bits(expected.gForceVert()));
    }

    private static long[] bits(double[] values) {
        if (values == null) {
            return null;
        }
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    private static long[] time(Random random, int n) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> {
                long[] t = new long[n];
                long step = 1 + random.nextInt(1000);
                for (int i = 0; i < n; i++) {
                    t[i] = i * step;
                }
                yield t;
            }
            default -> {
                long[] t = new long[n];
                long now = random.nextInt(1000);
                for (int i = 0; i < n; i++) {
                    now += random.nextInt(10) == 0 ? random.nextInt(100_000) : 100;
                    t[i] = now;
                }
                yield t;
            }
        };
    }

    private static double[] walk(
            Random random, int n, double sigma, double min, double max, int scale) {
        double[] v = new double[n];
        double power = Math.pow(10, scale);
        double x = (min + max) / 4;
        for (int i = 0; i < n; i++) {
            x = Math.max(min, Math.min(max, x + random.nextGaussian() * sigma));
            v[i] = Math.round(x * power) / power;
        }
        return v;
    }

    private static double[] noise(Random random, int n, double sigma, int scale) {
        double[] v = new double[n];
        double power = Math.pow(10, scale);
        for (int i = 0; i < n; i++) {
            double g = i % 600 >= 590 ? -0.6 : random.nextGaussian() * sigma;
            v[i] = Math.round(g * power) / power;
        }
        return v;
    }

    private static double[] a(double... values) {
        return values;
    }
}
