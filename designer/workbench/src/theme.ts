import type { ThemeConfig } from 'antd';

/** A calm government back-office look: blue primary, compact tables, readable Chinese type. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456d9',
    borderRadius: 4,
    fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#0b3d91', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
    Table: { cellPaddingBlock: 10, headerBg: '#f3f6fb' },
  },
};
