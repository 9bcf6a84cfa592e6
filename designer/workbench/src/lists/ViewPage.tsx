import { Empty } from 'antd';

/** Placeholder until the area is built. */
export function ViewPage() {
  return <Empty description="ViewPage" />;
}
