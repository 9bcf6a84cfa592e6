import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { setLang, useI18n, type Lang } from '../i18n';
import { useAuth } from './AuthContext';

/** Sign-in for the workbench and the studio. */
export function LoginPage({ title }: { title: string }) {
  const { t, lang } = useI18n();
  const { login } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.login.trim(), values.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg,#0b3d91 0%,#1677ff 60%,#69b1ff 100%)' }}>
      <Card style={{ width: 380 }} data-testid="login-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
          <Segmented<Lang> size="small" value={lang} onChange={(v) => setLang(v)} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]} />
        </div>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.required', { what: t('login.login') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { what: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>{t('login.demo')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
