// Campaign instants are entered and shown as Beijing wall-clock time, whatever the browser's zone.
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime } from '../../lib/format';

/** A stored instant as the picker's value (its Beijing wall-clock time). */
export const toPicker = (iso: string | undefined): Dayjs | null =>
  iso ? dayjs(formatDateTime(iso)) : null;

/** The picker's wall-clock time read as Beijing time: an instant with +08:00. */
export const fromPicker = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
