#include "common/file_util.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

namespace faxian {
namespace {

namespace fs = std::filesystem;

class FileUtilTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "faxian_file_util_XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (fs::path(dir_) / name).string(); }

  std::string dir_;
};

TEST_F(FileUtilTest, WriteThenReadRoundTripsBinaryBytes) {
  const std::string bytes("身份证号\0\xFF\n", 15);
  ASSERT_TRUE(write_file_atomic(path("a.bin"), bytes));
  auto read = read_file(path("a.bin"));
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ(*read, bytes);
}

TEST_F(FileUtilTest, ReadsLargeFilesWhole) {
  const std::string bytes(300 * 1024 + 7, 'x');
  ASSERT_TRUE(write_file_atomic(path("big"), bytes));
  EXPECT_EQ(read_file(path("big"))->size(), bytes.size());
}

TEST_F(FileUtilTest, ReplaceKeepsNoTempFilesAndKeepsPermissions) {
  ASSERT_TRUE(write_file_atomic(path("f.json"), "old"));
  EXPECT_EQ(fs::status(path("f.json")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(::chmod(path("f.json").c_str(), 0644), 0);
  ASSERT_TRUE(write_file_atomic(path("f.json"), "new"));
  EXPECT_EQ(*read_file(path("f.json")), "new");
  EXPECT_EQ(fs::status(path("f.json")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileUtilTest, MissingFileIsNotFoundAndNamesTheFile) {
  auto read = read_file(path("missing.csv"));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  EXPECT_NE(read.error().message.find("missing.csv"), std::string::npos);
  EXPECT_NE(read.error().message.find("读取"), std::string::npos);
  EXPECT_NE(read.error().message.find("不存在"), std::string::npos);
  EXPECT_NE(read.error().detail.find("missing.csv"), std::string::npos);
}

TEST_F(FileUtilTest, ReadingAFolderIsAnIoError) {
  auto read = read_file(dir_);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kIo);
  EXPECT_NE(read.error().message.find("文件夹"), std::string::npos) << read.error().message;
}

TEST_F(FileUtilTest, WriteIntoMissingFolderFailsAndNamesTheFile) {
  auto written = write_file_atomic(path("no/such/dir/out.json"), "x");
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("out.json"), std::string::npos);
}

TEST_F(FileUtilTest, ListFilesFiltersBySuffixAndSorts) {
  ASSERT_TRUE(write_file_atomic(path("2026.json"), "{}"));
  ASSERT_TRUE(write_file_atomic(path("2022.json"), "{}"));
  ASSERT_TRUE(write_file_atomic(path("notes.txt"), ""));
  fs::create_directory(path("sub.json"));
  auto listed = list_files(dir_, ".json");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ(fs::path((*listed)[0]).filename(), "2022.json");
  EXPECT_EQ(fs::path((*listed)[1]).filename(), "2026.json");
  EXPECT_FALSE(list_files(path("nope"), ".json"));
}

}  // namespace
}  // namespace faxian
