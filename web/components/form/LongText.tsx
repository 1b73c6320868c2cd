import { Input, Typography } from 'antd';
import { countWords } from '../../../domain/word-count';
import { textLength } from '../../../domain/form';
import { useI18n } from '../../lib/i18n';
import { LengthCount } from './limits';

/**
 * A TextArea with its own count under it: 字数 (counted as WPS/Word does) for the fields that count
 * toward the word limit, length against the field's own limit otherwise. Text over a limit is kept
 * as typed or pasted, never cut; the overflow is shown and a submission refuses it.
 */
export function LongText(props: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  counts: boolean;
  maxLength?: number;
  disabled?: boolean;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const value = props.value ?? '';
  const over = props.maxLength !== undefined && textLength(value) > props.maxLength;
  return (
    <div>
      <Input.TextArea
        id={props.id}
        value={value}
        onChange={(e) => props.onChange?.(e.target.value)}
        autoSize={{ minRows: props.counts ? 5 : 3, maxRows: 24 }}
        disabled={props.disabled}
        placeholder={props.placeholder}
        status={over ? 'error' : undefined}
        aria-invalid={over || undefined}
      />
      {props.maxLength !== undefined && !props.disabled && (
        <div>
          <LengthCount value={value} max={props.maxLength} />
        </div>
      )}
      {props.counts && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="field-words">
          {t('editor.fieldWords', { n: countWords(value).toLocaleString('en-US') })}
        </Typography.Text>
      )}
    </div>
  );
}
