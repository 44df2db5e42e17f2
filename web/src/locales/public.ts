// The public pages (PublicLayout and views/public/*).
export default {
  zh: {
    public: {
      header: '困难群众求助与报告', nav_report: '报告困难', nav_status: '进度查询', nav_policy: '政策与自测',
      footer: '秀山县民政局 · 社会救助热线 12345 · 个人信息仅用于核实救助',
      report: {
        title: '报告身边的困难群众', intro: '发现身边有人生活困难、无人照料或遭遇意外，请告诉我们。乡镇（街道）民政办会尽快核实，您的信息仅用于核实救助。',
        township: '所在乡镇（街道）', village: '所在村（社区）', village_optional: '不清楚可不选', subject_name: '困难群众姓名或称呼',
        subject_placeholder: '如：张大爷、李某某', description: '遇到的困难', description_placeholder: '请简要说明：家里发生了什么、现在最需要什么帮助（至少 5 个字）',
        address: '详细住址（可选）', address_placeholder: '如：某组某号，便于工作人员上门', reporter_phone: '您的联系电话（可选）',
        reporter_phone_hint: '仅用于工作人员回访核实，不会告诉被报告人', challenge: '验证题', challenge_answer: '请填写答案', refresh: '换一题',
        submit: '提交报告', required: '请填写{f}', select_required: '请选择{f}', description_min: '请至少写 5 个字说明困难',
        phone_rule: '请输入正确的电话号码', success: '报告已受理', code_label: '您的查询码', code_note: '请截图或抄下查询码，它只显示这一次。凭查询码可查询办理进度（不会显示任何个人信息）。',
        check_status: '查询办理进度', again: '再报告一位', privacy: '我们只收集核实所需的信息；请勿填写身份证号等敏感信息。',
      },
      status: {
        title: '查询办理进度', intro: '输入提交报告时得到的查询码。为保护当事人隐私，这里只显示办理阶段。',
        code: '查询码', code_placeholder: '如 K7PM-3QXR-9T', query: '查询', required: '请输入查询码',
        received: '已受理', in_progress: '核实处理中', handled: '已处理完毕', updated: '最近更新：{d}', not_found: '没有找到这个查询码，请核对后重试',
      },
      policy: {
        title: '救助标准', as_of: '截至 {d} 执行的标准', dibao_urban: '城市低保', dibao_rural: '农村低保', tekun: '特困人员基本生活',
        unit: '元/人/月', source: '依据：{s}（{d} 起执行）', assets: '财产条件', edge: '低保边缘家庭：家庭人均收入不超过低保标准的 {m} 倍',
        where: '到哪里申请', hotline: '咨询电话：{h}',
        check_title: '自助测算', check_ref: '仅供参考', check_intro: '按家庭人口和全家月收入，估算可能适用的救助。结果仅供参考，不是审批决定，本页面不会记录您填写的信息。',
        area: '户籍类型', urban: '城镇', rural: '农村', household_size: '家庭人口（人）', monthly_income: '全家月收入（元）',
        calc: '测算', per_capita: '家庭人均月收入 {v} 元，当地低保标准 {s} 元/人/月', may_apply: '可能符合', not_apply: '暂不符合',
        income_required: '请填写全家月收入',
      },
    },
  },
  en: {
    public: {
      header: 'Help for people in difficulty', nav_report: 'Report', nav_status: 'Check status', nav_policy: 'Policy & self-check',
      footer: 'Xiushan Civil Affairs Bureau · hotline 12345 · personal data is used only to verify assistance',
      report: {
        title: 'Report someone in difficulty', intro: 'If someone near you is struggling, left without care or hit by an accident, tell us. The township office will check soon; your details are only used for that.',
        township: 'Township', village: 'Village / community', village_optional: 'Leave empty if unsure', subject_name: 'Name of the person',
        subject_placeholder: 'e.g. Grandpa Zhang', description: 'What is wrong', description_placeholder: 'What happened, and what help is needed most (at least 5 characters)',
        address: 'Address (optional)', address_placeholder: 'So that staff can visit', reporter_phone: 'Your phone (optional)',
        reporter_phone_hint: 'Only for staff to call you back; never told to the person reported', challenge: 'Question', challenge_answer: 'Your answer', refresh: 'Another question',
        submit: 'Submit report', required: '{f} is required', select_required: 'Choose {f}', description_min: 'Describe the difficulty in at least 5 characters',
        phone_rule: 'Enter a valid phone number', success: 'Report received', code_label: 'Your status code', code_note: 'Write down or screenshot the code: it is shown only once. It lets you check the stage of the report (no personal data is shown).',
        check_status: 'Check the status', again: 'Report another person', privacy: 'We collect only what is needed to check; please do not enter ID numbers.',
      },
      status: {
        title: 'Check the status', intro: 'Enter the code you got when you reported. To protect the person, only the stage is shown.',
        code: 'Code', code_placeholder: 'e.g. K7PM-3QXR-9T', query: 'Check', required: 'Enter the code',
        received: 'Received', in_progress: 'Being checked', handled: 'Handled', updated: 'Last update: {d}', not_found: 'No report has this code; please check it',
      },
      policy: {
        title: 'Assistance standards', as_of: 'Standards in force on {d}', dibao_urban: 'Urban dibao', dibao_rural: 'Rural dibao', tekun: 'Tekun basic living',
        unit: '¥ per person per month', source: 'Source: {s} (from {d})', assets: 'Asset conditions', edge: 'Low-income edge: income per person up to {m}× the dibao standard',
        where: 'Where to apply', hotline: 'Hotline: {h}',
        check_title: 'Self-check', check_ref: 'For reference only', check_intro: 'Estimate which assistance may apply from household size and monthly income. For reference only, not a decision; nothing you enter is recorded.',
        area: 'Hukou', urban: 'Urban', rural: 'Rural', household_size: 'Household size', monthly_income: 'Household income per month (¥)',
        calc: 'Check', per_capita: 'Income per person {v} ¥/month; local dibao standard {s} ¥/person/month', may_apply: 'May apply', not_apply: 'Probably not',
        income_required: 'Enter the household income',
      },
    },
  },
}
