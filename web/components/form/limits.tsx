// Inputs that never rewrite what the person typed: a number field keeps text that is not a number
// (and says so at the field), a text field keeps text over its limit (and counts the overflow).
import { useEffect, useState } from 'react';
import { Input, Typography } from 'antd';
import { textLength } from '../../../domain/form';
import { useI18n } from '../../lib/i18n';

const FULL_WIDTH = /[０-９．，－＋]/g;
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^[+-]?\.\d+$/;

/**
 * What a number input holds: null when empty, the number when the text reads as one (full-width
 * digits and thousands separators allowed), otherwise the text exactly as typed.
 */
export function parseNumberText(text: string): number | string | null {
  const t = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (!t) return null;
  if (!NUMBER.test(t)) return text;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : text;
}

const shown = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A number field as a plain text box: what is typed stays on screen, nothing is dropped. */
export function NumberInput(props: {
  id?: string;
  value?: number | string | null;
  onChange?: (v: number | string | null) => void;
  suffix?: string;
  disabled?: boolean;
  placeholder?: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState(() => shown(props.value));
  // a value set from elsewhere (a reload, a restored copy, a new row) replaces the text
  useEffect(() => {
    if (parseNumberText(text) !== (props.value ?? null)) setText(shown(props.value));
  }, [props.value]);
  return (
    <Input
      id={props.id}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange?.(parseNumberText(e.target.value));
      }}
      inputMode="decimal"
      suffix={props.suffix}
      disabled={props.disabled}
      placeholder={props.placeholder}
      status={props.invalid ? 'error' : undefined}
      aria-invalid={props.invalid || undefined}
      style={{ width: 240 }}
    />
  );
}

/** "412 / 300 字（超出 112 字…）", red when over. */
export function LengthCount({ value, max }: { value: string; max: number }) {
  const { t } = useI18n();
  const n = textLength(value);
  const over = n > max;
  return (
    <Typography.Text
      type={over ? 'danger' : 'secondary'}
      style={{ fontSize: 12 }}
      data-testid="length-count"
    >
      {t('editor.length', { n, max })}
      {over && t('editor.lengthOver', { n: n - max })}
    </Typography.Text>
  );
}

/** A one-line text with its count under it; text over the limit is kept and marked. */
export function LimitedInput(props: {
  id?: string;
  value?: string;
  onChange?: (e: React.ChangeEvent<HTMLInputElement>) => void;
  maxLength: number;
  disabled?: boolean;
  /** bound to the account: shown, not edited */
  readOnly?: boolean;
  placeholder?: string;
  monospace?: boolean;
}) {
  const value = props.value ?? '';
  const over = textLength(value) > props.maxLength;
  return (
    <div>
      <Input
        id={props.id}
        value={value}
        onChange={props.onChange}
        disabled={props.disabled}
        readOnly={props.readOnly}
        variant={props.readOnly ? 'filled' : undefined}
        placeholder={props.placeholder}
        status={over ? 'error' : undefined}
        aria-invalid={over || undefined}
        style={props.monospace ? { fontFamily: 'monospace' } : undefined}
      />
      {!props.disabled && !props.readOnly && <LengthCount value={value} max={props.maxLength} />}
    </div>
  );
}
