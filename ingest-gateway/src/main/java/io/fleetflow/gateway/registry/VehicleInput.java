package io.fleetflow.gateway.registry;

import io.fleetflow.model.registry.VehicleClass;

/** A vehicle's registration as a client sent it, already valid (see {@link RegistryRules}). */
public record VehicleInput(String name, VehicleClass vehicleClass, boolean active) {}
