#pragma once
// Where the checkout's data/ and tests/ folders are, for tests: $FAXIAN_SOURCE_DIR (CTest sets
// it to the checkout), else the working directory (CTest also runs every test from the
// checkout's root). Read at run time, not compiled in, so that test objects are the same in every
// checkout and the compiler cache shares them.

#include <cstdlib>
#include <string>

namespace faxian {

inline std::string faxian_source_dir() {
  const char* dir = std::getenv("FAXIAN_SOURCE_DIR");
  return dir != nullptr && *dir != '\0' ? std::string(dir) : std::string(".");
}

}  // namespace faxian
