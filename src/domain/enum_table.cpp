#include "domain/enum_table.hpp"

namespace faxian::enum_detail {

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t index = 0; index < a.size(); ++index) {
    char left = a[index];
    char right = b[index];
    if (left >= 'A' && left <= 'Z')
      left = static_cast<char>(left - 'A' + 'a');
    if (right >= 'A' && right <= 'Z')
      right = static_cast<char>(right - 'A' + 'a');
    if (left != right)
      return false;
  }
  return true;
}

}  // namespace faxian::enum_detail
