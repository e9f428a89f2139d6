import { type ReactNode, useSyncExternalStore } from 'react';

/**
 * Hash routes (`#/form/JJ-0101`): the server answers every path with the same page, and a route
 * change never reloads it. `useRoute()` gives the path's segments, e.g. ['form', 'JJ-0101'].
 */
function currentPath(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): string[] {
  const path = useSyncExternalStore(subscribe, currentPath);
  return path.split('/').filter(Boolean);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function href(path: string): string {
  return `#${path}`;
}

/** A link to a route: a real <a href> (keyboard, middle-click, screen readers). */
export function Link({ to, children, className, current }: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  return (
    <a href={href(to)} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
