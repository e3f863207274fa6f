import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { pipeline } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { PipelineHealth } from './pipeline-health';

describe('PipelineHealth', () => {
  it('shows the backlog, trips finished lately, queue depth and the oldest unfinished trip', async () => {
    const { container } = renderApp(<PipelineHealth />);
    const count = (key: string) => container.querySelector(`[data-count="${key}"]`);

    expect(await screen.findByText('100')).toHaveAttribute('data-count', 'finished_last_hour.completed');
    expect(count('unfinished.pending')).toHaveTextContent('1');
    expect(count('unfinished.processing')).toHaveTextContent('2');
    expect(count('finished_last_hour.failed')).toHaveTextContent('3');
    expect(count('finished_last_24h.completed')).toHaveTextContent('2,400');
    expect(count('finished_last_24h.failed')).toHaveTextContent('9');
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
