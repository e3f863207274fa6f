/**
 * Shapes of the gateway's read API, written once: in the OpenAPI document the gateway serves
 * (ingest-gateway/src/main/resources/openapi.json), from which `api.generated.ts` is generated
 * (`npm run gen:api`; a test fails when it is stale). These are the names the code uses.
 */
import type { components, operations } from './api.generated';

type Schemas = components['schemas'];
type DriversQuery = NonNullable<operations['getDrivers']['parameters']['query']>;

export type EventRates = Schemas['EventRates'];
export type FleetSummary = Schemas['FleetSummary'];
export type TripStatus = Schemas['TripStatus'];
export type FinishedCounts = Schemas['FinishedCounts'];
export type Pipeline = Schemas['Pipeline'];
export type Driver = Schemas['Driver'];
export type DriverDetail = Schemas['DriverDetail'];
export type TripSummary = Schemas['TripSummary'];
export type TripEvent = Schemas['TripEvent'];
export type TripDetail = Schemas['TripDetail'];
export type TripPage = Schemas['TripPage'];
export type TripSamples = Schemas['TripSamples'];
export type Vehicle = Schemas['Vehicle'];
export type DriverList = Schemas['DriverList'];
export type VehicleList = Schemas['VehicleList'];
export type VehicleClass = Schemas['VehicleClass'];
export type VehicleRegistration = Schemas['VehicleRegistration'];
export type DriverRegistration = Schemas['DriverRegistration'];
export type RegisteredVehicle = Schemas['RegisteredVehicle'];
export type RegisteredDriver = Schemas['RegisteredDriver'];
export type RegisteredVehicleList = Schemas['RegisteredVehicleList'];
export type RegisteredDriverList = Schemas['RegisteredDriverList'];
export type ImportResult = Schemas['ImportResult'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditList = Schemas['AuditList'];
export type RegistryEntity = Schemas['RegistryEntity'];
export type Problem = Schemas['Problem'];
export type Alert = Schemas['Alert'];
export type AlertList = Schemas['AlertList'];
export type AlertStatus = Schemas['AlertStatus'];
export type Session = Schemas['Session'];

/** Sort keys and orders of the drivers list (query parameters of getDrivers). */
export type DriverSort = NonNullable<DriversQuery['sort']>;
export type SortOrder = NonNullable<DriversQuery['order']>;
export type ReviewStatus = Schemas['ReviewStatus'];
export type EventReviewRequest = Schemas['EventReviewRequest'];
export type EventReviewSaved = Schemas['EventReviewSaved'];
export type EventReview = Schemas['EventReview'];
export type EventReviewLogEntry = Schemas['EventReviewLogEntry'];
export type EventReviewWithLog = Schemas['EventReviewWithLog'];
export type InboxEvent = Schemas['InboxEvent'];
export type InboxEventPage = Schemas['InboxEventPage'];
