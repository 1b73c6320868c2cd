import { Input, Typography } from 'antd';
import { countWords } from '../../../domain/word-count';
import { useI18n } from '../../lib/i18n';

/** A TextArea with its own 字数 under it (counted as WPS/Word does for the fields that count). */
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
  return (
    <div>
      <Input.TextArea
        id={props.id}
        value={value}
        onChange={(e) => props.onChange?.(e.target.value)}
        autoSize={{ minRows: props.counts ? 5 : 3, maxRows: 24 }}
        maxLength={props.maxLength}
        showCount={!!props.maxLength && !props.counts}
        disabled={props.disabled}
        placeholder={props.placeholder}
      />
      {props.counts && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="field-words">
          {t('editor.fieldWords', { n: countWords(value).toLocaleString('en-US') })}
        </Typography.Text>
      )}
    </div>
  );
}
