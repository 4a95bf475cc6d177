import type { DataConfig } from '../../src/data/config';
import type { DataPlan, TableOutline, TargetEncoding } from '../../src/data/types';
import { useStore } from '../store/store';
import { ColumnPlanTable } from './column-plan-table';
import { applyPlan } from '../actions/data-plan';
import { loadValidationFile } from '../actions/load-data';
import { PreviewTable } from './preview-table';
import { TextOptions } from './text-options';
import { TextSummary } from './text-summary';
import { formatCount } from '../../src/lib/format-count';
import { DEFAULT_SPLIT } from '../../src/data/validation';
import { setValidation } from '../actions/validation';
import { SplitFields } from './split-fields';

const ENCODINGS: readonly { value: TargetEncoding; label: string }[] = [
  { value: 'onehot', label: 'classes, one-hot (categorical cross-entropy)' },
  { value: 'integer', label: 'classes, integer ids (sparse categorical cross-entropy)' },
  { value: 'binary', label: 'two classes, 0/1 (binary cross-entropy)' },
  { value: 'regression', label: 'a number (regression, mean squared error)' },
];

const planOf = (data: DataConfig): DataPlan | undefined => (data.kind === 'csv' || data.kind === 'sample' ? data.plan : undefined);

/** The schema of a table and the user's plan for it: columns, target encoding, validation split. */
export function TablePlan({ table, validation }: { table: TableOutline; validation?: TableOutline }) {
  const data = useStore((s) => s.data);
  const plan = planOf(data);
  if (!plan) return null;
  const change = (next: DataPlan) => void applyPlan(next);
  const split = plan.split.kind === 'fraction' ? plan.split : null;
  const textColumn = plan.columns.find((c) => c.role === 'feature' && c.transform === 'text');
  const fitted = data.kind === 'csv' || data.kind === 'sample' ? data.fitted : undefined;
  return (
    <div className="data-plan">
      <p className="muted" data-testid="table-facts">
        {formatCount(table.rowCount)} rows · {table.columns.length} columns · delimiter {table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`}
        {table.hasHeader ? ' · header row' : ' · no header (columns named for you)'}
        {table.skippedRows > 0 ? ` · ${table.skippedRows} empty rows skipped` : ''}
      </p>
      <ColumnPlanTable summaries={table.summaries} plan={plan} onChange={change} />
      {textColumn && <TextOptions plan={plan} column={textColumn} onChange={change} />}
      {textColumn && fitted && <TextSummary />}
      <div className="data-options">
        <label>
          Target becomes{' '}
          <select value={plan.target} onChange={(e) => change({ ...plan, target: e.target.value as TargetEncoding })} aria-label="Target encoding">
            {ENCODINGS.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Validation data{' '}
          <select
            aria-label="Validation data"
            value={plan.split.kind}
            onChange={(e) => {
              if (e.target.value === 'fraction') setValidation({ ...DEFAULT_SPLIT, stratified: plan.target !== 'regression' });
            }}
          >
            <option value="fraction">held out from this file</option>
            <option value="file" disabled={plan.split.kind !== 'file'}>
              a separate file
            </option>
          </select>
        </label>
        {plan.split.kind === 'file' && (
          <span data-testid="validation-file">
            {plan.split.fileName}
            {validation ? ` (${formatCount(validation.rowCount)} rows)` : ' (upload it again)'}
          </span>
        )}
        <label className="data-button">
          Use a separate validation file…
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            hidden
            data-testid="validation-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void loadValidationFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {split && <SplitFields split={split} classification={plan.target !== 'regression'} />}
      <h3>First rows</h3>
      <PreviewTable table={table} />
    </div>
  );
}
