export default {
  zh: {
    login: {
      username: '用户名', password: '密码', username_placeholder: '请输入用户名', password_placeholder: '请输入密码',
      username_required: '请输入用户名', password_required: '请输入密码', submit: '登录',
      failed: '登录失败，请稍后再试', expired: '登录已超时，请重新登录', public_link: '群众求助 / 报告困难群众',
    },
    password: {
      title: '修改密码', must: '首次登录须修改初始密码后才能使用系统', current: '当前密码', new: '新密码', again: '再次输入新密码',
      current_required: '请输入当前密码', new_required: '请输入新密码', too_short: '新密码至少 10 个字符',
      not_username: '新密码不能与用户名相同', mismatch: '两次输入的新密码不一致', changed: '密码已修改，请用新密码重新登录',
    },
    notfound: { title: '页面不存在', home: '返回工作台' },
  },
  en: {
    login: {
      username: 'Username', password: 'Password', username_placeholder: 'Your username', password_placeholder: 'Your password',
      username_required: 'Enter your username', password_required: 'Enter your password', submit: 'Log in',
      failed: 'Could not log in; try again later', expired: 'Your session expired; please log in again', public_link: 'Report a person in difficulty',
    },
    password: {
      title: 'Change password', must: 'Change your initial password before using the system', current: 'Current password', new: 'New password', again: 'New password again',
      current_required: 'Enter your current password', new_required: 'Enter a new password', too_short: 'At least 10 characters',
      not_username: 'The password may not be your username', mismatch: 'The two passwords differ', changed: 'Password changed; log in with the new one',
    },
    notfound: { title: 'Page not found', home: 'Back to home' },
  },
}
