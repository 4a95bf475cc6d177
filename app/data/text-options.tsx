import type { ColumnPlan, ColumnTextOptions, DataPlan } from '../../src/data/types';
import { DEFAULT_COLUMN_TEXT } from '../../src/data/text-column';

interface TextOptionsProps {
  readonly plan: DataPlan;
  readonly column: ColumnPlan;
  readonly onChange: (plan: DataPlan) => void;
}

const whole = (value: string, min: number) => Math.max(min, Math.floor(Number(value) || min));

/** The tokenizer options of the plan's text column (Keras `TextVectorization` arguments). */
export function TextOptions({ plan, column, onChange }: TextOptionsProps) {
  const text = column.text ?? DEFAULT_COLUMN_TEXT;
  const set = (patch: Partial<ColumnTextOptions>) =>
    onChange({ ...plan, columns: plan.columns.map((c) => (c.name === column.name ? { ...c, text: { ...text, ...patch } } : c)) });
  return (
    <div className="data-options" data-testid="text-options">
      <strong>
        Text column <code>{column.name}</code>
      </strong>
      <label>
        standardize{' '}
        <select
          aria-label={`${column.name} standardize`}
          value={text.standardize ?? 'none'}
          onChange={(e) => set({ standardize: e.target.value === 'none' ? null : 'lower_and_strip_punctuation' })}
        >
          <option value="lower_and_strip_punctuation">lowercase, strip punctuation</option>
          <option value="none">as written</option>
        </select>
      </label>
      <label>
        split{' '}
        <select
          aria-label={`${column.name} split`}
          value={text.split}
          onChange={(e) => set({ split: e.target.value === 'character' ? 'character' : 'whitespace' })}
        >
          <option value="whitespace">words (whitespace)</option>
          <option value="character">characters</option>
        </select>
      </label>
      <label>
        vocabulary at most{' '}
        <input
          type="number"
          min={3}
          aria-label={`${column.name} max tokens`}
          value={text.maxTokens ?? ''}
          placeholder="no limit"
          onChange={(e) => set({ maxTokens: e.target.value === '' ? null : whole(e.target.value, 3) })}
        />
      </label>
      <label>
        sequence length{' '}
        <input
          type="number"
          min={1}
          aria-label={`${column.name} sequence length`}
          value={text.outputSequenceLength}
          onChange={(e) => set({ outputSequenceLength: whole(e.target.value, 1) })}
        />
      </label>
    </div>
  );
}
