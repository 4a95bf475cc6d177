// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/data/csv';
import { defaultPlan } from '../../src/data/plan';
import type { DataPlan } from '../../src/data/types';
import { ColumnPlanTable } from './column-plan-table';
import { PreviewTable } from './preview-table';

afterEach(cleanup);

/** A table of `columns` numeric columns (the last one the target) and a few rows. */
function wideTable(columns: number) {
  const header = Array.from({ length: columns }, (_, j) => `f${j + 1}`).join(',');
  const rows = Array.from({ length: 5 }, (_, i) => Array.from({ length: columns }, (_, j) => String((i * 7 + j) % 11)).join(','));
  return parseCsvText(`${header}\n${rows.join('\n')}\n`);
}

describe('a 2,000-column table in the Data view', () => {
  const table = wideTable(2000);
  const plan = defaultPlan(table);

  it('keeps only the column-plan rows in view in the DOM, and follows the scroll', () => {
    let changed: DataPlan | undefined;
    render(<ColumnPlanTable summaries={table.summaries} plan={plan} onChange={(p) => (changed = p)} />);
    const rows = () => screen.getByRole('table', { name: 'Columns' }).querySelectorAll('tbody tr:not(.data-spacer)');
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Columns' }).getAttribute('aria-rowcount')).toBe('2001');
    expect(screen.queryByTestId('column-f1500')).toBeNull();

    const box = screen.getByTestId('column-plan-scroll');
    act(() => {
      box.scrollTop = 1499 * 32;
      fireEvent.scroll(box);
    });
    expect(screen.getByTestId('column-f1500')).toBeTruthy();
    expect(screen.queryByTestId('column-f1')).toBeNull();
    expect(rows().length).toBeLessThan(60);

    fireEvent.change(screen.getByLabelText('f1500 role'), { target: { value: 'ignore' } });
    expect(changed?.columns[1499]).toMatchObject({ name: 'f1500', role: 'ignore' });
    expect(changed?.columns.filter((c, j) => c !== plan.columns[j])).toHaveLength(1);
  });

  it('keeps only the preview columns in view in the DOM', () => {
    render(<PreviewTable table={table} />);
    const preview = screen.getByTestId('preview-table');
    const headers = preview.querySelectorAll('thead th:not(.data-spacer)');
    expect(headers.length).toBeGreaterThan(5);
    expect(headers.length).toBeLessThan(40);
    expect(preview.getAttribute('aria-colcount')).toBe('2000');
    expect(preview.querySelectorAll('tbody td:not(.data-spacer)').length).toBe(headers.length * 5);
  });

  it('renders a narrow table whole, as before', () => {
    const narrow = wideTable(5);
    render(<ColumnPlanTable summaries={narrow.summaries} plan={defaultPlan(narrow)} onChange={() => undefined} />);
    render(<PreviewTable table={narrow} />);
    expect(screen.getByRole('table', { name: 'Columns' }).querySelectorAll('tbody tr')).toHaveLength(5);
    expect(screen.getByTestId('preview-table').querySelectorAll('thead th')).toHaveLength(5);
  });
});
