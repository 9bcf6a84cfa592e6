import { Empty } from 'antd';

/** Placeholder until the area is built. */
export function TicketPage() {
  return <Empty description="TicketPage" />;
}
