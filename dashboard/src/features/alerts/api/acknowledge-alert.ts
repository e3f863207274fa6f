import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import type { Alert } from '@/types/api';

export function acknowledgeAlert(id: string): Promise<Alert> {
  return apiPost<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`);
}

/** Acknowledges an alert, then reloads every alerts list. */
export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: () => client.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
