import { Empty } from 'antd';

/** Placeholder until the area is built. */
export function RegisterPage() {
  return <Empty description="RegisterPage" />;
}
