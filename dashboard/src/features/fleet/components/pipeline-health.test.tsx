import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { pipeline } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { PipelineHealth } from './pipeline-health';

describe('PipelineHealth', () => {
  it('shows counts by status, queue depth and the age of the oldest unfinished trip', async () => {
    renderApp(<PipelineHealth />);

    expect(await screen.findByText('100')).toHaveAttribute('data-status-count', 'COMPLETED');
    expect(screen.getByText('3')).toHaveAttribute('data-status-count', 'FAILED');
    expect(screen.getByText('Queue depth').nextSibling).toHaveTextContent('4');
    expect(screen.getByText('3 s old')).toBeInTheDocument();
  });

  it('says when the broker and Flink cannot be reached', async () => {
    server.use(
      http.get('*/api/v1/pipeline', () =>
        HttpResponse.json({
          ...pipeline,
          queue_depth: null,
          oldest_unfinished_age_s: null,
          flink: { state: 'UNREACHABLE', job_id: null, job_name: null, web_ui_url: 'http://flink:8081/' },
        }),
      ),
    );

    renderApp(<PipelineHealth />);

    expect(await screen.findByText('broker unreachable')).toBeInTheDocument();
    expect(screen.getByText('none')).toBeInTheDocument();
    expect(screen.getByText('UNREACHABLE').closest('[data-flink-state]')).toHaveAttribute('data-flink-state', 'UNREACHABLE');
    expect(screen.getByRole('link', { name: 'Open the Flink Web UI' })).toHaveAttribute('href', 'http://flink:8081/');
  });
});
