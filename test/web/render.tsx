import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { Providers } from '../../web/app/Providers';

/** An answer that depends on the query string (`/industries?q=3421`). */
export type RouteAnswer = { byQuery: (query: URLSearchParams) => unknown };

/**
 * Renders inside the app's providers, with a fetch that answers from a table of routes
 * (`GET /path` → body, or `{ byQuery }` for an answer that depends on the query).
 */
export function renderWithApp(ui: ReactNode, routes: Record<string, unknown> = {}) {
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const sent = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, url, ...(sent === undefined ? {} : { body: sent }) });
    const path = url.split('?')[0]!.replace('/api/v1', '');
    const route = routes[`${method} ${path}`];
    const body =
      route && typeof route === 'object' && 'byQuery' in route
        ? (route as RouteAnswer).byQuery(new URLSearchParams(url.split('?')[1] ?? ''))
        : route;
    if (body === undefined)
      return new Response(
        JSON.stringify({
          error: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Please sign in' },
        }),
        {
          status: 401,
        },
      );
    return new Response(JSON.stringify(body), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <Providers client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
  return { ...result, calls };
}

/** Answers a request: status and body, from its method, path (without /api/v1), query and body. */
export type Answer = (
  method: string,
  path: string,
  query: URLSearchParams,
  body: any,
) => [number, unknown];

/**
 * Renders `element` as the page of route `pattern`, opened at `url`, with a fetch answered by
 * `answer`; returns the requests made (method, path, body).
 */
export function renderPageAt(pattern: string, element: ReactNode, url: string, answer: Answer) {
  const calls: Array<{ method: string; path: string; body?: any }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (u: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const [path, q = ''] = u.replace('/api/v1', '').split('?');
      calls.push({ method, path: path!, ...(body ? { body } : {}) });
      const [status, res] = answer(method, path!, new URLSearchParams(q), body);
      return new Response(JSON.stringify(res), { status });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={pattern} element={element} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return calls;
}
