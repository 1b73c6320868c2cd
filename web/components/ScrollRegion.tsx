// A wide table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe
// scrollable-region-focusable): its scrolling box becomes a named, focusable region, so arrow keys
// scroll it even when no cell holds a link or button.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScrollRegion(props: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>(
      '.ant-table-content, .ant-table-body',
    ) ?? []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', props.label);
    }
  });
  return <div ref={ref}>{props.children}</div>;
}
