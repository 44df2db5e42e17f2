// Departments of the catalogue (server: workflow/casework/department.cpp) offered in pickers.
export const DEPARTMENTS = ['医保局', '人社局', '公安局', '残联', '教育局', '应急管理局', '乡村振兴局', '民政局', '住建局', '卫健委']
