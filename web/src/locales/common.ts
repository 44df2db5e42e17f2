// Shared words: the app frame, roles, levels, statuses, sources, generic actions.
export default {
  zh: {
    app: { name: '发现', title: '社会救助主动发现平台', county: '秀山土家族苗族自治县民政局' },
    nav: {
      home: '工作台', supervision: '督导看板', leads: '预警与线索', households: '家庭档案',
      applications: '救助申请', coordination: '一事一议与县级协调', referrals: '部门转介',
      visits: '走访任务', campaigns: '集中排查', hotline: '热线登记', imports: '数据交换',
      rules: '预警规则', reports: '统计报表', settings: '系统设置', audit: '审计日志',
      logout: '退出登录', language: 'English', password: '修改密码',
    },
    role: {
      county_admin: '县民政局管理员', county_officer: '县社会救助科', township_officer: '乡镇民政办',
      village_coordinator: '村（社区）协理员', hotline_operator: '热线接线员',
      department_liaison: '部门联络员', auditor: '督导/审计',
    },
    level: { red: '红色', orange: '橙色', yellow: '黄色', none: '无' },
    status: {
      new: '待分派', assigned: '已分派', verifying: '核实中', decided: '已处置', closed: '已办结',
    },
    source: {
      data_warning: '数据预警', visit: '走访', campaign: '集中排查', hotline: '热线',
      social_report: '社会力量报告', referral: '部门推送', self_report: '群众求助', superior: '上级交办',
    },
    common: {
      search: '查询', reset: '重置', refresh: '刷新', save: '保存', cancel: '取消', confirm: '确定',
      submit: '提交', back: '返回', detail: '详情', actions: '操作', all: '全部', loading: '加载中…',
      empty: '暂无数据', total: '共 {n} 条', overdue: '已超期', yes: '是', no: '否',
      export: '导出 Excel', download: '下载', upload: '上传', close: '关闭', reason: '理由',
      load_failed: '加载失败', saved: '已保存', done: '操作成功',
    },
  },
  en: {
    app: { name: 'Faxian', title: 'Proactive Social Assistance Discovery', county: 'Xiushan County Civil Affairs Bureau' },
    nav: {
      home: 'Home', supervision: 'Supervision', leads: 'Warnings & leads', households: 'Households',
      applications: 'Applications', coordination: 'Case-by-case & coordination', referrals: 'Referrals',
      visits: 'Visits & tasks', campaigns: 'Campaigns', hotline: 'Hotline', imports: 'Data exchange',
      rules: 'Rules', reports: 'Reports', settings: 'Settings', audit: 'Audit log',
      logout: 'Log out', language: '中文', password: 'Change password',
    },
    role: {
      county_admin: 'County administrator', county_officer: 'County officer', township_officer: 'Township officer',
      village_coordinator: 'Village coordinator', hotline_operator: 'Hotline operator',
      department_liaison: 'Department liaison', auditor: 'Auditor',
    },
    level: { red: 'Red', orange: 'Orange', yellow: 'Yellow', none: 'None' },
    status: { new: 'New', assigned: 'Assigned', verifying: 'Verifying', decided: 'Decided', closed: 'Closed' },
    source: {
      data_warning: 'Data warning', visit: 'Home visit', campaign: 'Campaign', hotline: 'Hotline',
      social_report: 'Social organisation', referral: 'Department referral', self_report: 'Citizen request', superior: 'From superiors',
    },
    common: {
      search: 'Search', reset: 'Reset', refresh: 'Refresh', save: 'Save', cancel: 'Cancel', confirm: 'OK',
      submit: 'Submit', back: 'Back', detail: 'Details', actions: 'Actions', all: 'All', loading: 'Loading…',
      empty: 'No data', total: '{n} in total', overdue: 'Overdue', yes: 'Yes', no: 'No',
      export: 'Export Excel', download: 'Download', upload: 'Upload', close: 'Close', reason: 'Reason',
      load_failed: 'Could not load', saved: 'Saved', done: 'Done',
    },
  },
}
