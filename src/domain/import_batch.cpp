#include "domain/import_batch.hpp"

namespace faxian {
namespace {

constexpr EnumEntry<BatchStatus> kStatuses[] = {
    {BatchStatus::kRunning, "running", "导入中", "running", ""},
    {BatchStatus::kCommitted, "committed", "已提交", "committed", ""},
    {BatchStatus::kRejected, "rejected", "整批拒绝", "rejected", ""},
    {BatchStatus::kFailed, "failed", "失败", "failed", ""},
};

}  // namespace

std::span<const EnumEntry<BatchStatus>> EnumTable<BatchStatus>::entries() {
  return kStatuses;
}

}  // namespace faxian
