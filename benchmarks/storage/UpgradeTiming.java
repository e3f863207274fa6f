import io.fleetflow.model.schema.SchemaInitializer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Times SchemaInitializer.apply on a database that still has telemetry.trip_logs.telemetry_blob
 * (docs/storage.md, "Upgrading"). Not a test: run by hand with the command in that document.
 */
public class UpgradeTiming {
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser("postgres");
        long start = System.nanoTime();
        SchemaInitializer.apply(ds);
        System.out.printf("SchemaInitializer.apply took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
