import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import type {
  DriverRegistration,
  ImportResult,
  RegisteredDriver,
  RegisteredVehicle,
  RegistryEntity,
  VehicleRegistration,
} from '@/types/api';

export function putVehicle(vehicleId: string, body: VehicleRegistration): Promise<RegisteredVehicle> {
  return apiSend<RegisteredVehicle>('PUT', `/api/v1/vehicles/${encodeURIComponent(vehicleId)}`, body);
}

export function putDriver(driverId: string, body: DriverRegistration): Promise<RegisteredDriver> {
  return apiSend<RegisteredDriver>('PUT', `/api/v1/drivers/${encodeURIComponent(driverId)}`, body);
}

export function importCsv(entity: RegistryEntity, csv: string): Promise<ImportResult> {
  return apiSend<ImportResult>('POST', `/api/v1/${entity}s/import`, csv, 'text/csv; charset=utf-8');
}

/** Names show in every list: after a change, everything that shows them is read again. */
function refreshNames(client: QueryClient) {
  for (const key of ['registry', 'vehicles', 'drivers', 'driver', 'trips', 'trip']) {
    void client.invalidateQueries({ queryKey: [key] });
  }
}

export function useSaveVehicle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VehicleRegistration }) => putVehicle(id, body),
    onSuccess: () => refreshNames(client),
  });
}

export function useSaveDriver() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DriverRegistration }) => putDriver(id, body),
    onSuccess: () => refreshNames(client),
  });
}

export function useImportCsv(entity: RegistryEntity) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importCsv(entity, csv),
    onSuccess: () => refreshNames(client),
  });
}
