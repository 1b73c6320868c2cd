import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { formatDeadline, timeLeft } from '../lib/format';
import { useI18n } from '../lib/i18n';

/** Time left to the online deadline, refreshed every 30 s. */
export function Countdown({ opensAt, deadline }: { opensAt: string; deadline: string }) {
  const { t, lang } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  if (new Date(opensAt).getTime() > now)
    return (
      <Typography.Text type="secondary">
        {t('countdown.upcoming', { at: formatDeadline(opensAt, lang) })}
      </Typography.Text>
    );
  const left = timeLeft(deadline, now);
  if (!left) return <Typography.Text type="secondary">{t('countdown.closed')}</Typography.Text>;
  return (
    <Typography.Text strong type={left.d < 3 ? 'danger' : undefined} data-testid="countdown">
      <ClockCircleOutlined /> {t('countdown.left', left)}
    </Typography.Text>
  );
}
