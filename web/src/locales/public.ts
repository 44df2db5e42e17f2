// The public pages (PublicLayout and views/public/*).
export default {
  zh: {
    public: {
      header: '困难群众求助与报告', nav_report: '报告困难', nav_status: '进度查询', nav_policy: '政策与自测',
      footer: '秀山县民政局 · 社会救助热线 12345 · 个人信息仅用于核实救助',
    },
  },
  en: {
    public: {
      header: 'Help for people in difficulty', nav_report: 'Report', nav_status: 'Check status', nav_policy: 'Policy & self-check',
      footer: 'Xiushan Civil Affairs Bureau · hotline 12345 · personal data is used only to verify assistance',
    },
  },
}
