package io.fleetflow.gateway.registry;

/**
 * A driver's registration as a client sent it, already valid (see {@link RegistryRules}).
 *
 * @param externalRef e.g. the payroll number; {@code null} when there is none
 */
public record DriverInput(String name, String externalRef, boolean active) {}
