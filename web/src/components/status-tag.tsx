import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  sent: 'blue', seen: 'geekblue', 'in-progress': 'gold', succeeded: 'green', declined: 'red', withdrawn: 'default',
  new: 'blue', interview: 'gold', offered: 'purple', hired: 'green',
  draft: 'default', open: 'green', filled: 'cyan', closed: 'default', expired: 'orange',
  enrolled: 'gold', waitlisted: 'orange', completed: 'green', dropped: 'red',
  submitted: 'blue', 'under-review': 'gold', 'more-info-needed': 'orange', approved: 'green', rejected: 'red',
  disbursed: 'cyan', repaying: 'geekblue', overdue: 'red',
  active: 'green', disabled: 'default', 'transfer-pending': 'orange',
  A: 'green', B: 'blue', C: 'orange', D: 'red',
};

/** A status as a coloured tag with its translated label (`status.<value>`); the colour never carries meaning alone. */
export function StatusTag({ value, prefix = 'status' }: { value: string | undefined; prefix?: string }) {
  const { t, i18n } = useTranslation();
  if (!value) return null;
  const key = `${prefix}.${value}`;
  return <Tag color={COLOURS[value] ?? 'default'}>{i18n.exists(key) ? t(key) : value}</Tag>;
}
