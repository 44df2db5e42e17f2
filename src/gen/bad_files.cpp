#include "gen/bad_files.hpp"

#include <xlsxwriter.h>

#include <filesystem>

#include <fmt/format.h>

#include "common/file_util.hpp"
#include "gen/csv_sink.hpp"
#include "gen/encoding.hpp"
#include "gen/id_allocator.hpp"
#include "gen/names.hpp"
#include "gen/value_format.hpp"

namespace faxian::gen {
namespace {

constexpr std::string_view kFormula = "=cmd|' /C calc'!A0";
constexpr std::string_view kBadBytePlaceholder = "@@INVALID-GB18030@@";

struct BadPerson {
  IdNumber id;
  std::string name;
  Date birth;
};

// People who are not in the population: 秀山 prefix, sequence numbers 991–999.
std::vector<BadPerson> make_people(const GenContext& context) {
  Rng rng = Rng::for_stream(context.seed, Stream::kBadFiles, 0);
  std::vector<BadPerson> people;
  for (int i = 0; i < 12; ++i) {
    const Date birth =
        *Date::from_ymd(static_cast<int>(1950 + rng.below(45)), static_cast<int>(1 + rng.below(12)),
                        static_cast<int>(1 + rng.below(28)));
    const Sex sex = i % 2 == 0 ? Sex::kMale : Sex::kFemale;
    BadPerson person;
    person.birth = birth;
    // Twelve people over five sequence numbers per sex: the birth dates keep them apart.
    person.id = make_id("500241", birth, sex == Sex::kMale ? 991 + 2 * (i % 4) : 992 + 2 * (i % 4));
    for (const BadPerson& other : people) {
      if (other.id == person.id)
        person.id = make_id("500241", birth, 999);
    }
    person.name = draw_full_name(rng, draw_surname(rng, Ethnicity::kTujia), sex, birth.year());
    people.push_back(std::move(person));
  }
  return people;
}

// A person whose ID ends in X (for lowercase-x and full-width forms).
BadPerson person_with_x(const GenContext& context) {
  Rng rng = Rng::for_stream(context.seed, Stream::kBadFiles, 1);
  for (int day = 0;; ++day) {
    const Date birth = Date::from_ymd(1971, 3, 1)->add_days(day);
    const IdNumber id = make_id("500241", birth, 995);
    if (id.chars[17] == 'X') {
      return {id, draw_full_name(rng, draw_surname(rng, Ethnicity::kMiao), Sex::kMale, 1971),
              birth};
    }
  }
}

std::string id_text(const IdNumber& id, IdForm form = IdForm::kPlain) {
  std::string out;
  append_id(out, id, form);
  return out;
}

// The same ID with a wrong check character.
std::string wrong_check(const IdNumber& id) {
  std::string text(id.view());
  text[17] = text[17] == '1' ? '2' : '1';
  return text;
}

// 1990-02-30 does not exist; the check character is right, so only the date is wrong.
std::string impossible_birth_id() {
  std::string text = "50024119900230993";
  text += ResidentId::check_character(text);
  return text;
}

std::string date_text(Date date, DateFormat format = DateFormat::kIso) {
  std::string out;
  append_date(out, date, format);
  return out;
}

std::string money_text(int64_t fen, MoneyFormat format = MoneyFormat::kPlain) {
  std::string out;
  append_money(out, fen, format);
  return out;
}

class BadCsv {
 public:
  BadCsv(std::string file, std::string feed, std::vector<std::string_view> header)
      : file_(std::move(file)), feed_(std::move(feed)), header_(std::move(header)) {}

  void good(const std::vector<std::string>& fields) { add(fields), ++imported_; }
  void bad(const std::vector<std::string>& fields) { add(fields), ++rejected_; }
  void duplicate(const std::vector<std::string>& fields) { add(fields), ++duplicates_; }

  std::string text(bool bom, bool crlf) const {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    const std::string_view eol = crlf ? "\r\n" : "\n";
    for (size_t i = 0; i < header_.size(); ++i) {
      if (i)
        out += ',';
      append_csv_field(out, header_[i]);
    }
    out += eol;
    for (const auto& row : rows_) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (i)
          out += ',';
        append_csv_field(out, row[i]);
      }
      out += eol;
    }
    return out;
  }

  std::string expected_line() const {
    return fmt::format("{},{},{},{},{},{}\n", file_, feed_, rows_.size(), imported_, duplicates_,
                       rejected_);
  }
  const std::string& file() const { return file_; }
  int64_t rows() const { return static_cast<int64_t>(rows_.size()); }

 private:
  void add(const std::vector<std::string>& fields) { rows_.push_back(fields); }

  std::string file_;
  std::string feed_;
  std::vector<std::string_view> header_;
  std::vector<std::vector<std::string>> rows_;
  int imported_ = 0;
  int duplicates_ = 0;
  int rejected_ = 0;
};

BadCsv medical_file(const std::vector<BadPerson>& p, Date d) {
  BadCsv f(
      "medical_mixed.csv", "medical",
      {"结算单号", "身份证号", "姓名", "结算日期", "结算类型", "就诊类型", "医疗总费用", "统筹支付",
       "大病保险支付", "医疗救助支付", "个人自付", "诊断编码", "诊断名称", "医疗机构"});
  const std::string day = date_text(d.add_days(-30));
  f.good({"YBBAD000001", id_text(p[0].id), p[0].name, day, "正常", "住院", "5000.00", "3000.00",
          "0.00", "0.00", "2000.00", "K80.2", "胆囊结石", "秀山土家族苗族自治县人民医院"});
  f.good({"YBBAD000002", id_text(p[1].id), p[1].name,
          date_text(d.add_days(-20), DateFormat::kSlash), "normal", "outpatient",
          money_text(123450, MoneyFormat::kYenThousands), "234.50", "0", "0", "1000.00", "J06.9",
          "急性上呼吸道感染", "中和街道社区卫生服务中心"});
  f.good({"YBBAD000001", id_text(p[0].id), p[0].name, date_text(d.add_days(-25)), "冲销", "住院",
          "-5000.00", "-3000.00", "0.00", "0.00", "-2000.00", "K80.2", "胆囊结石",
          "秀山土家族苗族自治县人民医院"});
  f.good({"YBBAD000003", id_text(p[2].id), p[2].name,
          date_text(d.add_days(-15), DateFormat::kChinese), "", "门诊", "300.00元", "100.00",
          "0.00", "0.00", "", "K29.7", "胃炎", "溶溪镇卫生院"});
  f.good({"YBBAD000004", id_text(p[3].id), p[3].name, date_text(d.add_days(-12)), "正常", "门诊",
          "80.00", "0.00", "0.00", "0.00", "80.00", "J20.9", "急性支气管炎",
          std::string(kFormula)});
  f.good({"YBBAD000005", id_text(p[4].id, IdForm::kFifteen), p[4].name,
          date_text(d.add_days(-11), DateFormat::kCompact), "正常", "门诊", "66.60", "0.00", "0.00",
          "0.00", "66.60", "M54.5", "腰痛", "隘口镇卫生院"});
  f.bad({"YBBAD000006", wrong_check(p[5].id), p[5].name, day, "正常", "门诊", "50.00", "0.00",
         "0.00", "0.00", "50.00", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  f.bad({"YBBAD000007", id_text(p[6].id), p[6].name, "2023-02-30", "正常", "门诊", "50.00", "0.00",
         "0.00", "0.00", "50.00", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  f.bad({"YBBAD000008", "5.00241E+17", p[7].name, day, "正常", "门诊", "50.00", "0.00", "0.00",
         "0.00", "50.00", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  f.bad({"", id_text(p[8].id), p[8].name, day, "正常", "门诊", "50.00", "0.00", "0.00", "0.00",
         "50.00", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  f.bad({"YBBAD000009", id_text(p[9].id), p[9].name, day, "正常", "门诊", "-100.00", "0.00", "0.00",
         "0.00", "-100.00", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  f.bad({"YBBAD000010", id_text(p[10].id), p[10].name, day, "正常", "门诊", "12.345", "0.00",
         "0.00", "0.00", "12.345", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  f.bad({"YBBAD000011", id_text(p[11].id), p[11].name, day, "退费", "门诊", "50.00", "0.00", "0.00",
         "0.00", "50.00", "J06.9", "急性上呼吸道感染", "秀山土家族苗族自治县中医医院"});
  // The second row again, written differently: same normalised values, so a duplicate.
  f.duplicate({"YBBAD000002", id_text(p[1].id, IdForm::kSpaced), p[1].name,
               date_text(d.add_days(-20)), "正常", "门诊", "1234.50", "234.50", "0.00", "0.00",
               "1000.00", "J06.9", "急性上呼吸道感染", "中和街道社区卫生服务中心"});
  return f;
}

BadCsv population_file(const std::vector<BadPerson>& p, const BadPerson& x, Date d,
                       const std::string& village) {
  BadCsv f("population_mixed.csv", "population",
           {"户号", "身份证号", "姓名", "与户主关系", "村社区代码", "住址", "民族", "户口性质",
            "联系电话", "变动类型", "变动日期"});
  const std::string household = village.substr(0, 9) + "990001";
  const std::string address = "中和街道东风社区渝秀大道1号";
  const std::string joined = date_text(d.add_days(-100));
  f.good({household, id_text(p[0].id), p[0].name, "户主", village, address, "土家族", "居民",
          "13900000001", "新增", joined});
  f.good({household, id_text(p[1].id, IdForm::kFifteen), p[1].name, "配偶", village, address, "15",
          "农业", "", "add", date_text(d.add_days(-100), DateFormat::kDot)});
  f.good({household, id_text(x.id, IdForm::kFullWidth), x.name, "子", village, address, "苗族",
          "居民", "", "新增", date_text(d.add_days(-90), DateFormat::kSlash)});
  f.good({household, id_text(p[0].id, IdForm::kLowerX), p[0].name, "户主", village, address,
          "土家族", "居民", "13900000002", "UPDATE",
          date_text(d.add_days(-10), DateFormat::kChinese)});
  f.bad({household, id_text(p[2].id), p[2].name, "邻居", village, address, "汉族", "居民", "",
         "新增", joined});
  f.bad({household, impossible_birth_id(), p[3].name, "女", village, address, "汉族", "居民", "",
         "新增", joined});
  f.bad({household, id_text(p[4].id), "", "子", village, address, "汉族", "居民", "", "新增",
         joined});
  f.bad({household, id_text(p[5].id), p[5].name, "其他", village, std::string(kBadBytePlaceholder),
         "汉族", "居民", "", "新增", joined});
  f.bad({household, id_text(p[6].id), p[6].name, "其他", "50024110", address, "汉族", "居民", "",
         "新增", joined});
  f.duplicate({household, id_text(p[0].id, IdForm::kFullWidth), p[0].name, "户主", village, address,
               "土家族", "居民", "13900000001", "新增",
               date_text(d.add_days(-100), DateFormat::kCompact)});
  return f;
}

BadCsv employment_file(const std::vector<BadPerson>& p, const BadPerson& x, Date d) {
  BadCsv f("employment_mixed.csv", "employment",
           {"身份证号", "姓名", "事件类型", "事件日期", "单位名称", "缴费基数"});
  f.good({id_text(p[0].id), p[0].name, "失业登记", date_text(d.add_days(-60)),
          "秀山县华兴建筑工程有限公司", "3000.00"});
  f.good({id_text(p[1].id), p[1].name, "EMPLOYED", date_text(d.add_days(-50)),
          "重庆秀山锰业有限公司", money_text(420000, MoneyFormat::kYuanSuffix)});
  f.good({id_text(p[2].id), p[2].name, "社保断缴", date_text(d.add_days(-40), DateFormat::kDot), "",
          ""});
  f.good(
      {id_text(x.id, IdForm::kLowerX), x.name, "灵活就业登记", date_text(d.add_days(-30)), "", ""});
  f.bad({id_text(p[3].id), p[3].name, "下岗", date_text(d.add_days(-20)), "", ""});
  f.bad({id_text(p[4].id), p[4].name, "失业登记", "2023年2月30日", "", ""});
  f.bad({id_text(p[5].id), p[5].name, "失业登记", "", "", ""});
  f.bad({id_text(p[6].id), p[6].name, "就业登记", date_text(d.add_days(-10)),
         "秀山县物流园区管理有限公司", "-3000.00"});
  f.duplicate({id_text(p[0].id, IdForm::kHyphen), p[0].name, "unemployed",
               date_text(d.add_days(-60), DateFormat::kChinese), "秀山县华兴建筑工程有限公司",
               "3,000.00"});
  return f;
}

BadCsv income_file(const std::vector<BadPerson>& p, Date d) {
  BadCsv f("income_mixed.csv", "income",
           {"身份证号", "姓名", "所属期", "收入类型", "金额", "来源"});
  const Month m = Month::of(d);
  const std::string month = m.add_months(-3).iso();
  f.good({id_text(p[0].id), p[0].name, month, "工资薪金", "3200.00", "税务局"});
  f.good({id_text(p[1].id), p[1].name,
          fmt::format("{:04}{:02}", m.add_months(-2).year(), m.add_months(-2).month()), "pension",
          "1,234.00元", "人社局"});
  f.good({id_text(p[2].id), p[2].name,
          fmt::format("{}年{}月", m.add_months(-1).year(), m.add_months(-1).month()), "其他",
          money_text(300000, MoneyFormat::kYenThousands), "农业农村委"});
  f.bad({id_text(p[3].id), p[3].name, fmt::format("{}-13", m.year()), "工资薪金", "3000.00",
         "税务局"});
  f.bad({id_text(p[4].id), p[4].name, month, "工资薪金", "1000.005", "税务局"});
  f.bad({id_text(p[5].id), p[5].name, month, "工资薪金", "-500.00", "税务局"});
  f.bad({id_text(p[6].id), p[6].name, month, "奖金", "800.00", "税务局"});
  f.bad({"5.00241E+17", p[7].name, month, "工资薪金", "800.00", "税务局"});
  f.duplicate({id_text(p[0].id, IdForm::kFifteen), p[0].name,
               fmt::format("{:04}{:02}", m.add_months(-3).year(), m.add_months(-3).month()), "WAGE",
               "¥3,200.00", "税务局"});
  return f;
}

BadCsv hotline_file(const std::vector<BadPerson>& p, Date d, const std::string& village) {
  BadCsv f("hotline_mixed.csv", "hotline",
           {"工单号", "来电时间", "来电人", "联系电话", "身份证号", "求助人姓名", "村社区代码",
            "地址", "诉求类型", "诉求内容"});
  const std::string when = date_text(d.add_days(-9)) + " 09:30";
  f.good({"RXBAD0001", when, p[0].name, "13900000011", id_text(p[0].id), p[0].name, village,
          "中和街道东风社区", "生活困难", "家中困难，请求帮助。"});
  f.good({"RXBAD0002", date_text(d.add_days(-8), DateFormat::kSlash) + " 14:05:33", "热心群众",
          "13900000012", "", p[1].name, village, "中和街道东风社区", "elderly",
          "邻居老人独居，请去看看。"});
  f.good({"RXBAD0003", when, p[2].name, "13900000013", id_text(p[2].id), p[2].name, village, "",
          "其他", std::string(kFormula)});
  f.good({"RXBAD0004", when, p[3].name, "13900000014", id_text(p[3].id), p[3].name, village, "",
          "其他", "+SUM(A1:A9) @user -2+3"});
  f.bad({"RXBAD0005", when, p[4].name, "13900000015", id_text(p[4].id), p[4].name, village, "",
         "生活困难", ""});
  f.bad({"RXBAD0006", "2026-02-30 10:00", p[5].name, "13900000016", id_text(p[5].id), p[5].name,
         village, "", "生活困难", "请求帮助。"});
  f.bad({"", when, p[6].name, "13900000017", id_text(p[6].id), p[6].name, village, "", "生活困难",
         "请求帮助。"});
  f.bad({"RXBAD0007", when, p[7].name, "13900000018", wrong_check(p[7].id), p[7].name, village, "",
         "生活困难", "请求帮助。"});
  f.duplicate({"RXBAD0001", date_text(d.add_days(-9), DateFormat::kChinese) + " 09:30:00",
               p[0].name, "13900000011", id_text(p[0].id, IdForm::kPadded), p[0].name, village,
               "中和街道东风社区", "living", "家中困难，请求帮助。"});
  return f;
}

// The XLSX file: text and serial dates, a numeric (digits lost) ID, unknown grade and status.
Result<std::string> disability_xlsx(const std::string& path, const std::vector<BadPerson>& p,
                                    const BadPerson& x, Date d) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book)
    return fail(ErrorCode::kIo, fmt::format("无法创建文件：{}", path), "workbook_new failed");
  lxw_worksheet* sheet = workbook_add_worksheet(book, "disability");
  lxw_format* text = workbook_add_format(book);
  format_set_num_format(text, "@");
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy/m/d");
  const char* header[] = {"身份证号", "姓名", "残疾类别", "残疾等级", "发证日期", "状态"};
  for (lxw_col_t c = 0; c < 6; ++c)
    worksheet_write_string(sheet, 0, c, header[c], nullptr);
  lxw_row_t row = 1;
  auto put = [&](const std::string& id, bool id_as_number, const std::string& name,
                 const char* category, const char* grade, std::optional<Date> serial,
                 const std::string& date_text_value, const char* status) {
    if (id_as_number) {
      worksheet_write_number(sheet, row, 0, 500241199001011234.0, nullptr);
    } else {
      worksheet_write_string(sheet, row, 0, id.c_str(), text);
    }
    worksheet_write_string(sheet, row, 1, name.c_str(), nullptr);
    worksheet_write_string(sheet, row, 2, category, nullptr);
    worksheet_write_string(sheet, row, 3, grade, nullptr);
    if (serial) {
      worksheet_write_number(sheet, row, 4, static_cast<double>(serial->days_since_epoch() + 25569),
                             date);
    } else {
      worksheet_write_string(sheet, row, 4, date_text_value.c_str(), nullptr);
    }
    if (status[0])
      worksheet_write_string(sheet, row, 5, status, nullptr);
    ++row;
  };
  put(id_text(p[0].id), false, p[0].name, "肢体", "二级", std::nullopt, date_text(d.add_days(-300)),
      "有效");
  put(id_text(p[1].id), false, p[1].name, "visual", "3", d.add_days(-200), "", "");
  put(id_text(p[2].id), false, p[2].name, "听力", "1", d.add_days(-100), "", "valid");
  put(id_text(x.id, IdForm::kLowerX), false, x.name, "智力", "四级", std::nullopt,
      date_text(d.add_days(-50), DateFormat::kChinese), "注销");
  put("", true, p[3].name, "肢体", "二级", d.add_days(-40), "", "有效");
  put(id_text(p[4].id), false, p[4].name, "肢体", "五级", d.add_days(-30), "", "有效");
  put(id_text(p[5].id), false, p[5].name, "肢体", "三级", d.add_days(-20), "", "作废");
  put(id_text(p[6].id), false, p[6].name, "肢体", "三级", std::nullopt, "2024-02-30", "有效");
  if (workbook_close(book) != LXW_NO_ERROR) {
    return fail(ErrorCode::kIo, fmt::format("写入文件失败：{}", path), "workbook_close failed");
  }
  return std::string("disability_mixed.xlsx,disability,8,4,0,4\n");
}

Result<WrittenFile> write_csv(const std::string& dir, const BadCsv& file, bool gb18030, bool bom,
                              bool crlf) {
  std::string bytes = file.text(bom, crlf);
  if (gb18030) {
    auto converted = utf8_to_gb18030(bytes);
    if (!converted)
      return tl::unexpected(converted.error());
    bytes = std::move(*converted);
    const size_t at = bytes.find(kBadBytePlaceholder);
    if (at != std::string::npos)
      bytes.replace(at, kBadBytePlaceholder.size(), "\xFF\xFE\xFF");
  }
  FAXIAN_TRY(write_file_atomic(dir + "/" + file.file(), bytes));
  return WrittenFile{file.file(), file.rows(), static_cast<int64_t>(bytes.size())};
}

}  // namespace

Result<std::vector<WrittenFile>> write_bad_files(const std::string& dir,
                                                 const GenContext& context) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return fail(ErrorCode::kIo, fmt::format("无法创建目录：{}", dir), error.message());
  }
  const std::vector<BadPerson> people = make_people(context);
  const BadPerson x = person_with_x(context);
  const Date d = context.as_of;
  const std::string village = context.county->villages().front().code;
  std::vector<WrittenFile> written;
  std::string expected = "file,feed,rows,imported,duplicates,rejected\n";

  struct Spec {
    BadCsv file;
    bool gb18030, bom, crlf;
  };
  std::vector<Spec> specs;
  specs.push_back({medical_file(people, d), false, false, false});
  specs.push_back({population_file(people, x, d, village), true, false, true});
  specs.push_back({employment_file(people, x, d), false, true, true});
  specs.push_back({income_file(people, d), false, false, false});
  specs.push_back({hotline_file(people, d, village), false, true, false});
  for (const Spec& spec : specs) {
    auto file = write_csv(dir, spec.file, spec.gb18030, spec.bom, spec.crlf);
    if (!file)
      return tl::unexpected(file.error());
    written.push_back(*file);
    expected += spec.file.expected_line();
  }
  auto xlsx_line = disability_xlsx(dir + "/disability_mixed.xlsx", people, x, d);
  if (!xlsx_line)
    return tl::unexpected(xlsx_line.error());
  expected += *xlsx_line;
  written.push_back({"disability_mixed.xlsx", 8, 0});
  FAXIAN_TRY(write_file_atomic(dir + "/expected.csv", expected));
  written.push_back({"expected.csv", static_cast<int64_t>(written.size()),
                     static_cast<int64_t>(expected.size())});
  return written;
}

}  // namespace faxian::gen
