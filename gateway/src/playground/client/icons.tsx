/** Sidebar icons, drawn here (no icon font, nothing fetched). */
export function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}

export function SignInIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="8" cy="14" r="4" />
      <path d="M11 11.5 20 3m-4 4 3 3m-5-1 2 2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
