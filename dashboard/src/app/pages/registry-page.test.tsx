import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DRIVER_A_NAME, VEHICLE_NAME } from '@/testing/mocks/fixtures';
import { renderApp, signInAs } from '@/testing/test-utils';
import RegistryPage from './registry-page';

describe('RegistryPage', () => {
  it('lets an operator register, edit and import, and shows the changes', async () => {
    signInAs('OPERATOR');
    renderApp(<RegistryPage />);

    expect(await screen.findByRole('cell', { name: VEHICLE_NAME })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: DRIVER_A_NAME })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Register a vehicle' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Register a driver' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Import a CSV file' })).toBeInTheDocument();
    const changes = await screen.findByRole('list', { name: 'Registry changes' });
    expect(changes).toHaveTextContent('name: Van 1 → Van 12');
    expect(changes).toHaveTextContent('registered as Van 1');
  });

  it('shows a viewer the registry without any write control', async () => {
    signInAs('VIEWER');
    renderApp(<RegistryPage />);

    expect(await screen.findByRole('cell', { name: VEHICLE_NAME })).toBeInTheDocument();
    expect(screen.getByText(/Read only/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Register/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Import a CSV file' })).not.toBeInTheDocument();
  });
});
