import { registerTexts } from '../../../shared/i18n';

registerTexts('forms', {
  'zh-CN': {
    searchItem: '输入事项名称、编码或目录搜索',
    pickGrid: '请选择网格',
    pickRegion: '请选择行政区划',
    upload: '上传附件',
    uploadHint: '单个文件不超过 {{size}} MB，支持 {{types}}',
    tooLarge: '“{{name}}”超过 {{size}} MB',
    uploadFailed: '“{{name}}”上传失败：{{message}}',
    lng: '经度',
    lat: '纬度',
    mapHint: '在网格图上点选事件位置',
    pickDateTime: '请选择时间',
  },
  'en-US': {
    searchItem: 'Search items by name, code or directory',
    pickGrid: 'Choose a grid',
    pickRegion: 'Choose a region',
    upload: 'Upload',
    uploadHint: 'Up to {{size}} MB per file: {{types}}',
    tooLarge: '"{{name}}" exceeds {{size}} MB',
    uploadFailed: 'Uploading "{{name}}" failed: {{message}}',
    lng: 'Longitude',
    lat: 'Latitude',
    mapHint: 'Click the event\u2019s position on the grid map',
    pickDateTime: 'Choose a time',
  },
});
