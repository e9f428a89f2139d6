import { addWorkingDays, cityDate } from '@govgraph/kit';

/**
 * When a consultation asked at `askedAt` must be answered: the end (23:59:59 city time, UTC+8) of
 * the next working day after the city date it was asked on, by the official working-day calendar
 * (a Friday's question is due on Monday night, or later when Monday is a holiday).
 */
export function consultationDueAt(askedAt: Date): string {
  const day = addWorkingDays(cityDate(askedAt), 1);
  return new Date(`${day}T23:59:59.000+08:00`).toISOString();
}
