-- The fleet registry for the read benchmark (docs/reads.md) on the data of generate-year.sql:
-- every vehicle and driver that has trips registered with a name (vehicle classes by a hash of
-- the id), one audit row each. EMPTIES the registry first. Usage: psql -d <db> -f generate-registry.sql
\timing on
TRUNCATE telemetry.vehicles, telemetry.drivers, telemetry.registry_audit;
INSERT INTO telemetry.vehicles (vehicle_id, name, vehicle_class, updated_by)
SELECT vehicle_id, 'Vehicle ' || right(vehicle_id::text, 6),
       (ARRAY['car', 'van', 'heavy_truck', 'bus'])[1 + (hashtext(vehicle_id::text) & 3)], 'bench'
FROM telemetry.vehicle_daily WHERE day = '-infinity';
INSERT INTO telemetry.drivers (driver_id, name, external_ref, updated_by)
SELECT driver_id, 'Driver ' || right(driver_id::text, 6), 'EMP-' || right(driver_id::text, 6), 'bench'
FROM telemetry.driver_daily WHERE day = '-infinity';
INSERT INTO telemetry.registry_audit (entity, entity_id, changed_by, new_value)
SELECT 'vehicle', vehicle_id, 'bench', jsonb_build_object('name', name, 'vehicle_class', vehicle_class)
FROM telemetry.vehicles
UNION ALL
SELECT 'driver', driver_id, 'bench', jsonb_build_object('name', name, 'external_ref', external_ref)
FROM telemetry.drivers;
VACUUM ANALYZE telemetry.vehicles, telemetry.drivers, telemetry.registry_audit;
