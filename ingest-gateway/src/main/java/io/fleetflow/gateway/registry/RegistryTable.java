package io.fleetflow.gateway.registry;

import io.fleetflow.model.registry.RegistryNames;

/** One of the two registry tables, and the statements that write it (see {@link RegistryStore}). */
record RegistryTable(String name, String idColumn, String thirdColumn, String entity) {

    /**
     * Taken first by every write: writers of the table wait for each other (readers do not), so the
     * upsert's snapshot, taken after it, holds the latest rows and "old" is what a change replaces.
     * One lock per import, however many rows, and no deadlock between imports.
     */
    String lock() {
        return "LOCK TABLE " + name + " IN SHARE ROW EXCLUSIVE MODE";
    }

    /**
     * Upserts the rows given as arrays unless nothing changes, and audits what did change, in one
     * statement; answers every row as stored with whether it was created and whether it changed.
     * (No FOR UPDATE in "old": rows the same statement updates would be skipped.)
     */
    String upsert() {
        return String.format(
                "WITH input AS (SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[])"
                        + " AS i(%2$s, name, %3$s, active)),"
                        + " old AS (SELECT r.* FROM %1$s r JOIN input USING (%2$s)),"
                        + " up AS (INSERT INTO %1$s AS r (%2$s, name, %3$s, active, updated_by)"
                        + " SELECT %2$s, name, %3$s, active, ? FROM input"
                        + " ON CONFLICT (%2$s) DO UPDATE SET name = excluded.name,"
                        + " %3$s = excluded.%3$s, active = excluded.active, updated_at = now(),"
                        + " updated_by = excluded.updated_by"
                        + " WHERE (r.name, r.%3$s, r.active)"
                        + " IS DISTINCT FROM (excluded.name, excluded.%3$s, excluded.active)"
                        + " RETURNING r.*),"
                        + " audit AS (INSERT INTO "
                        + RegistryNames.AUDIT
                        + " (entity, entity_id, changed_by, old_value, new_value)"
                        + " SELECT '%4$s', up.%2$s, up.updated_by, to_jsonb(o), to_jsonb(up)"
                        + " FROM up LEFT JOIN old o USING (%2$s))"
                        + " SELECT up.*, o.%2$s IS NULL AS created, true AS changed"
                        + " FROM up LEFT JOIN old o USING (%2$s)"
                        + " UNION ALL SELECT o.*, false, false FROM old o"
                        + " WHERE o.%2$s NOT IN (SELECT %2$s FROM up)",
                name,
                idColumn,
                thirdColumn,
                entity);
    }
}
