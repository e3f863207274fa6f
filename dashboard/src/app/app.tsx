import { useState } from 'react';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { AppRouter } from './router';

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <AppProvider client={client}>
      <AppRouter />
    </AppProvider>
  );
}
